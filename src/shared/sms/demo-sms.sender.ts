import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import { maskMobile } from '../masking.js';
import { withoutCodes, type SmsMessage, type SmsSender } from './sms.port.js';

/**
 * Demo mode's SMS provider: each message becomes one JSON line `{ to, text, at }` in
 * `$DAFTAR_DATA_DIR/outbox/sms.jsonl`, where a person (or the demo walk-through) reads the codes.
 */
export class DemoSmsSender implements SmsSender {
  readonly kind = 'demo';
  private readonly logger = new Logger('DemoSmsSender');
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  send(message: SmsMessage): Promise<void> {
    const line = `${JSON.stringify({ to: message.to, text: message.text, at: this.now().toISOString() })}\n`;
    // One write after another, so concurrent messages never interleave within a line.
    this.writes = this.writes.then(async () => {
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      await appendFile(this.file, line, { mode: 0o600 });
    });
    this.logger.log(`SMS to ${maskMobile(message.to)} in the demo outbox: ${withoutCodes(message.text)}`);
    return this.writes;
  }
}
