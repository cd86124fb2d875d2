import { join } from 'node:path';
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { DemoSmsSender } from './demo-sms.sender.js';
import { KavenegarSmsSender } from './kavenegar-sms.sender.js';
import { SMS_SENDER } from './sms.port.js';

/** The SMS port for every feature: the configured provider, or the demo outbox outside production. */
@Global()
@Module({
  providers: [
    {
      provide: SMS_SENDER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        config.sms
          ? new KavenegarSmsSender(config.sms)
          : new DemoSmsSender(join(config.dataDir, 'outbox', 'sms.jsonl')),
    },
  ],
  exports: [SMS_SENDER],
})
export class SmsModule {}
