import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import { maskMobile } from '../masking.js';
import { withoutCodes, type SmsMessage, type SmsSender } from './sms.port.js';

/**
 * Demo mode's SMS provider: each message becomes one JSON line `{ to, text, at, reference? }` in
 * `$DAFTAR_DATA_DIR/outbox/sms.jsonl`, where a person (or the demo walk-through) reads the codes.
 * Like the real provider with its `localid`, a message whose reference is already there is the same
 * message and is not written again.
 */
export class DemoSmsSender implements SmsSender {
  readonly kind = 'demo';
  private readonly logger = new Logger('DemoSmsSender');
  private writes: Promise<void> = Promise.resolve();
  /** The references in the file, read once at the first write. */
  private references: Set<string> | undefined;

  constructor(
    private readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  send(message: SmsMessage): Promise<void> {
    const { to, text, reference } = message;
    const line = `${JSON.stringify({ to, text, at: this.now().toISOString(), ...(reference ? { reference } : {}) })}\n`;
    // One write after another, so concurrent messages never interleave within a line.
    const written = this.writes.then(async () => {
      this.references ??= await this.referencesInFile();
      if (reference !== undefined && this.references.has(reference)) return;
      await mkdir(dirname(this.file), { recursive: true, mode: 0o700 });
      await appendFile(this.file, line, { mode: 0o600 });
      if (reference !== undefined) this.references.add(reference);
    });
    // A failed write is this message's failure, not every later one's.
    this.writes = written.catch(() => undefined);
    this.logger.log(`SMS to ${maskMobile(message.to)} in the demo outbox: ${withoutCodes(message.text)}`);
    return written;
  }

  private async referencesInFile(): Promise<Set<string>> {
    const text = await readFile(this.file, 'utf8').catch(() => '');
    const lines = text.split('\n').filter((line) => line !== '');
    return new Set(lines.flatMap((line) => referenceOf(line) ?? []));
  }
}

/** The reference of one outbox line; a line cut short by a crash has none. */
function referenceOf(line: string): string | undefined {
  try {
    return (JSON.parse(line) as { reference?: string }).reference;
  } catch {
    return undefined;
  }
}
