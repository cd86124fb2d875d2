import { DomainError } from '../domain-error.js';
import type { SmsMessage, SmsSender } from './sms.port.js';

export interface KavenegarConfig {
  /** The API's base, `https://api.kavenegar.com` in production. */
  readonly url: string;
  /** The account's API key; it is part of the request path, so that path is never logged. */
  readonly key: string;
  /** The dedicated sender line (خط اختصاصی). */
  readonly sender: string;
  readonly timeoutMs: number;
}

interface KavenegarAnswer {
  readonly return?: { readonly status?: number; readonly message?: string };
}

const unavailable = (why: string) =>
  new DomainError('SMS.UNAVAILABLE', `The SMS provider could not take the message: ${why}`, 'unavailable');

/**
 * Kavenegar's REST API (`POST /v1/{API-KEY}/sms/send.json`, form fields `receptor`, `sender`,
 * `message`, `localid`), which answers `{ return: { status, message }, entries }` with status 200 when
 * it accepted the message. `localid` carries our reference: the provider refuses a second message with
 * the same one, so a resend after a crash is not delivered twice.
 */
export class KavenegarSmsSender implements SmsSender {
  readonly kind = 'provider';

  constructor(
    private readonly config: KavenegarConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    const form = new URLSearchParams({
      receptor: message.to,
      sender: this.config.sender,
      message: message.text,
    });
    if (message.reference) form.set('localid', message.reference);
    const endpoint = `${this.config.url}/v1/${encodeURIComponent(this.config.key)}/sms/send.json`;
    let response: Response;
    try {
      response = await this.fetchImpl(endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
          accept: 'application/json',
        },
        body: form.toString(),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch (error) {
      throw unavailable(
        error instanceof Error && error.name === 'TimeoutError' ? 'no answer in time' : 'unreachable',
      );
    }
    let answer: KavenegarAnswer;
    try {
      answer = (await response.json()) as KavenegarAnswer;
    } catch {
      throw unavailable(`HTTP ${response.status} without a JSON answer`);
    }
    const status = answer.return?.status;
    if (status !== 200) throw unavailable(`status ${status ?? response.status}`);
  }
}
