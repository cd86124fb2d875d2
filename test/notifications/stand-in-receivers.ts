import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as handed over: the receiver's key for it (`localid`, `Message-ID`), where to, and what. */
export interface Handover {
  readonly key: string;
  readonly to: string;
  readonly subject?: string;
  readonly text: string;
}

/**
 * A provider that, like the real ones, keeps one message per key: a message handed over again with a
 * key it has is recorded as another attempt, never delivered as a second message.
 */
export class Receiver {
  /** Every hand-over, in order, repeats included. */
  readonly handovers: Handover[] = [];
  /** The messages a person would see: the first hand-over of each key. */
  readonly messages = new Map<string, Handover>();
  private beforeAnswer: (() => Promise<void>) | undefined;

  /**
   * Runs `handler` once, when the first message has been accepted and kept, and waits for it before
   * answering: the sender is then stopped with the message delivered but no answer read, let alone
   * recorded. (Answering first would race the sender's record of the answer.)
   */
  beforeFirstAnswer(handler: () => Promise<void>): void {
    this.beforeAnswer = handler;
  }

  /** Keeps the message (once per key), then lets the first-answer handler run. */
  protected async accept(handover: Handover): Promise<void> {
    this.handovers.push(handover);
    if (!this.messages.has(handover.key)) this.messages.set(handover.key, handover);
    const handler = this.beforeAnswer;
    this.beforeAnswer = undefined;
    await handler?.();
  }
}

/**
 * Kavenegar's REST API as the adapter uses it (`POST /v1/{API-KEY}/sms/send.json`, form fields
 * `receptor`, `sender`, `message`, `localid`), which treats a repeated `localid` as the same message.
 */
export class KavenegarStandIn extends Receiver {
  private readonly ids = new Map<string, number>();
  private readonly server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => void this.answer(request.method, request.url, raw, response));
  });

  constructor(readonly apiKey: string) {
    super();
  }

  private async answer(
    method: string | undefined,
    url: string | undefined,
    raw: string,
    response: ServerResponse,
  ) {
    const form = new URLSearchParams(raw);
    const localid = form.get('localid');
    if (method !== 'POST' || url !== `/v1/${this.apiKey}/sms/send.json` || !localid) {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ return: { status: 400, message: 'bad request' }, entries: null }));
      return;
    }
    const receptor = form.get('receptor') ?? '';
    await this.accept({ key: localid, to: receptor, text: form.get('message') ?? '' });
    const messageid = this.ids.get(localid) ?? 8_792_343 + this.ids.size;
    this.ids.set(localid, messageid);
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        return: { status: 200, message: 'تایید شد' },
        entries: [{ messageid, localid, status: 1, receptor, sender: form.get('sender') }],
      }),
    );
  }

  /** Listens on a free port; answers the base URL for DAFTAR_SMS_URL. */
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** A mail server (plain SMTP, no TLS) that de-duplicates by `Message-ID`, as a mailbox does. */
export class SmtpStandIn extends Receiver {
  private readonly server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    closeTimeout: 100,
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) =>
          this.accept({
            key: mail.messageId ?? `no-message-id-${this.handovers.length}`,
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', '),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          }),
        )
        .then(() => callback())
        .catch((error: Error) => callback(error));
    },
  });

  /** Listens on a free port; answers it for DAFTAR_SMTP_PORT. */
  async start(): Promise<number> {
    // A connection cut by the killed sender is an 'error' of the server: expected here, not fatal.
    this.server.on('error', () => undefined);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
