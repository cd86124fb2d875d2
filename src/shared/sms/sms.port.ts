/** One text message to one mobile number. */
export interface SmsMessage {
  /** `09…` */
  readonly to: string;
  readonly text: string;
  /**
   * The sender's own id for this message (the provider's `localid`), so that a resend after a crash is
   * recognisable as the same message.
   */
  readonly reference?: string;
}

/** The SMS provider (سامانه پیامک): identity codes, consent codes and, later, notifications. */
export interface SmsSender {
  readonly kind: 'demo' | 'provider';
  /** Resolves once the provider accepted the message; throws SMS.UNAVAILABLE (503) otherwise. */
  send(message: SmsMessage): Promise<void>;
}

export const SMS_SENDER = Symbol('SmsSender');

/** Digit runs (codes) hidden, for the log: a one-time code never reaches it. */
export function withoutCodes(text: string): string {
  return text.replace(/[0-9۰-۹٠-٩]{4,}/g, '••••••');
}
