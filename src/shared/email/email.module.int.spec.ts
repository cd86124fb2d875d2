import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { AppConfigModule } from '../../config/app-config.module.js';
import { loadAppConfig } from '../../config/app-config.js';
import { DemoEmailSender } from './demo-email.sender.js';
import { EmailModule } from './email.module.js';
import { EMAIL_SENDER, type EmailSender } from './email.port.js';
import { SmtpEmailSender } from './smtp-email.sender.js';

async function moduleFor(env: Record<string, string>) {
  return Test.createTestingModule({
    imports: [AppConfigModule.forRoot(loadAppConfig(env)), EmailModule],
  }).compile();
}

describe('EmailModule', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'daftar-mail-module-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the demo outbox when no mail server is configured', async () => {
    const module = await moduleFor({ DAFTAR_DATA_DIR: dir });
    const sender = module.get<EmailSender>(EMAIL_SENDER);
    expect(sender).toBeInstanceOf(DemoEmailSender);
    expect(sender.kind).toBe('demo');
    await module.close();
  });

  it('gives the SMTP sender when DAFTAR_SMTP_HOST is set, and closes its pool on shutdown', async () => {
    const close = jest.spyOn(SmtpEmailSender.prototype, 'onModuleDestroy');
    try {
      const module = await moduleFor({
        DAFTAR_DATA_DIR: dir,
        DAFTAR_SMTP_HOST: '127.0.0.1',
        DAFTAR_MAIL_FROM: 'daftar@example.ir',
      });
      expect(module.get<EmailSender>(EMAIL_SENDER).kind).toBe('smtp');
      await module.close();
      expect(close).toHaveBeenCalledTimes(1);
    } finally {
      close.mockRestore();
    }
  });
});
