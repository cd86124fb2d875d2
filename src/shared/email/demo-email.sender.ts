import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { MailConfig } from '../../config/app-config.js';
import { maskEmail } from '../masking.js';
import type { EmailMessage, EmailSender } from './email.port.js';
import { mailOptions } from './mail-options.js';

/**
 * Demo mode's mail server: each message becomes `<key>.eml` (RFC 5322, as the mail server would
 * receive it) in `$DAFTAR_DATA_DIR/outbox/mail/`, which any mail client opens. A resend with the same
 * key overwrites its file, as a receiver would recognise the same `Message-ID`.
 */
export class DemoEmailSender implements EmailSender {
  readonly kind = 'demo';
  private readonly logger = new Logger('DemoEmailSender');
  private readonly composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly directory: string,
    private readonly from: MailConfig['from'],
    private readonly publicUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(message: EmailMessage): Promise<void> {
    const options = { ...mailOptions(message, this.from, this.publicUrl), date: this.now() };
    const { message: eml } = await this.composer.sendMail(options);
    const file = join(this.directory, `${message.key}.eml`);
    // One write after another, as the demo SMS outbox does.
    const written = this.writes.then(async () => {
      await mkdir(this.directory, { recursive: true, mode: 0o700 });
      // Renamed into place whole, so that a reader never sees half a message.
      await writeFile(`${file}.tmp`, eml, { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    });
    this.writes = written.catch(() => undefined);
    await written;
    this.logger.log(`Email to ${maskEmail(message.to)} in the demo outbox: ${message.key}.eml`);
  }
}
