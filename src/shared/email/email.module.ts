import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { DemoEmailSender } from './demo-email.sender.js';
import { EMAIL_SENDER } from './email.port.js';
import { SmtpEmailSender } from './smtp-email.sender.js';

/** What the demo outbox's messages come from, as no DAFTAR_MAIL_FROM is set there. */
const DEMO_FROM = { name: 'دفتر شهرداری نمونه', address: 'daftar@localhost' };

/** The email port for every feature: the configured mail server, or the demo outbox outside production. */
@Global()
@Module({
  providers: [
    {
      provide: EMAIL_SENDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.mail
          ? new SmtpEmailSender(config.mail, config.publicUrl)
          : new DemoEmailSender(join(config.dataDir, 'outbox', 'mail'), DEMO_FROM, config.publicUrl),
    },
  ],
  exports: [EMAIL_SENDER],
})
export class EmailModule {}
