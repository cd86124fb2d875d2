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

  it('keeps one message per reference, as the provider does with localid, across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daftar-sms-'));
    const file = join(dir, 'outbox', 'sms.jsonl');
    const at = () => new Date('2026-12-03T08:00:00Z');
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await new DemoSmsSender(file, at).send({ to: '09120000001', text: 'خبر', reference: '42' });
      const restarted = new DemoSmsSender(file, at);
      await restarted.send({ to: '09120000001', text: 'خبر', reference: '42' });
      await restarted.send({ to: '09120000001', text: 'خبر دیگر', reference: '43' });
      const lines = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.reference, l.text])).toEqual([
        ['42', 'خبر'],
        ['43', 'خبر دیگر'],
      ]);
    } finally {
      jest.restoreAllMocks();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
