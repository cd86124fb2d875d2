/** One email to one address. */
export interface EmailMessage {
  readonly to: string;
  readonly subject: string;
  /** Plain text; the only body, so that every mail client shows the same words. */
  readonly text: string;
  /** `fa` sets `Content-Language` and a right-to-left reading order for the text. */
  readonly language: 'fa' | 'en';
  /**
   * The message's own key, derived from what caused it: it becomes the `Message-ID`
   * (`<key@host-of-the-public-url>`), so a resend after a crash is recognisable as the same message.
   */
  readonly key: string;
}

/** The mail server (SMTP): notifications to citizens and staff who chose email. */
export interface EmailSender {
  readonly kind: 'demo' | 'smtp';
  /** Resolves once the server accepted the message; throws EMAIL.UNAVAILABLE (503) otherwise. */
  send(message: EmailMessage): Promise<void>;
}

export const EMAIL_SENDER = Symbol('EmailSender');
