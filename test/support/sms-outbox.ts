import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { APP_CONFIG } from '../../src/config/app-config.module.js';
import type { AppConfig } from '../../src/config/app-config.js';

export interface OutboxSms {
  readonly to: string;
  readonly text: string;
  readonly at: string;
  /** The sender's key for the message, the provider's `localid`. */
  readonly reference?: string;
}

/** The messages the demo SMS adapter wrote to `$DAFTAR_DATA_DIR/outbox/sms.jsonl`, oldest first. */
export function smsOutbox(dataDir: string): OutboxSms[] {
  const file = join(dataDir, 'outbox', 'sms.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as OutboxSms);
}

/** The one-time code in the latest code SMS to `mobile`, as a person would read it off the phone. */
export function lastCodeSentTo(app: NestFastifyApplication, mobile: string): string {
  const { dataDir } = app.get<AppConfig>(APP_CONFIG);
  // Notifications reach the same phone; the code is in the latest message that carries one.
  const code = smsOutbox(dataDir)
    .filter((m) => m.to === mobile)
    .flatMap((m) => /\b(\d{6})\b/.exec(m.text)?.[1] ?? [])
    .at(-1);
  if (!code) throw new Error(`no code was sent to ${mobile}`);
  return code;
}
