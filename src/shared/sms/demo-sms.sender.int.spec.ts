import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { DemoSmsSender } from './demo-sms.sender.js';

describe('DemoSmsSender', () => {
  it('writes one JSON line { to, text, at } per message, and logs it without the code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daftar-sms-'));
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      const sender = new DemoSmsSender(
        join(dir, 'outbox', 'sms.jsonl'),
        () => new Date('2026-12-03T08:00:00Z'),
      );
      await Promise.all([
        sender.send({ to: '09120000001', text: 'کد: 123456' }),
        sender.send({ to: '09120000002', text: 'کد: 654321' }),
      ]);
      const lines = readFileSync(join(dir, 'outbox', 'sms.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines).toEqual([
        { to: '09120000001', text: 'کد: 123456', at: '2026-12-03T08:00:00.000Z' },
        { to: '09120000002', text: 'کد: 654321', at: '2026-12-03T08:00:00.000Z' },
      ]);
      const logged = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(logged).toContain('0912***0001');
      expect(logged).not.toMatch(/123456|654321|09120000001/);
    } finally {
      log.mockRestore();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
