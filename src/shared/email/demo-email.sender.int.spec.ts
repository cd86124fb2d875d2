import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { DemoEmailSender } from './demo-email.sender.js';
import type { EmailMessage } from './email.port.js';

const message: EmailMessage = {
  to: 'zahra.ahmadi@example.ir',
  subject: 'پروانه ساختمان صادر شد',
  text: 'پروانه پرونده ۱۲۳۴۵۶۷۸ صادر شد. درستی آن را در https://daftar.example.ir/v/AB12 ببینید.',
  language: 'fa',
  key: 'permit-7f3a.PermitIssued.9',
};

describe('DemoEmailSender', () => {
  let dir: string;
  let outbox: string;
  let log: jest.SpyInstance;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-mail-'));
    outbox = join(dir, 'outbox', 'mail');
    log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    log.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  const sender = () =>
    new DemoEmailSender(
      outbox,
      { name: 'دفتر شهرداری نمونه', address: 'daftar@localhost' },
      'https://daftar.example.ir',
      () => new Date('2026-12-03T08:00:00Z'),
    );

  it('writes <key>.eml, an RFC 5322 message with the headers the mail server would get', async () => {
    await sender().send(message);
    expect(readdirSync(outbox)).toEqual(['permit-7f3a.PermitIssued.9.eml']);
    const file = join(outbox, 'permit-7f3a.PermitIssued.9.eml');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(outbox).mode & 0o777).toBe(0o700);
    const mail = await simpleParser(readFileSync(file));
    expect(mail.messageId).toBe('<permit-7f3a.PermitIssued.9@daftar.example.ir>');
    expect(mail.headers.get('content-language')).toBe('fa');
    expect(mail.subject).toBe(message.subject);
    expect(mail.text).toBe(message.text);
    expect(mail.date).toEqual(new Date('2026-12-03T08:00:00Z'));
    expect(mail.from?.value).toEqual([{ name: 'دفتر شهرداری نمونه', address: 'daftar@localhost' }]);
    expect(mail.to).toMatchObject({ value: [{ address: 'zahra.ahmadi@example.ir' }] });
  });

  it('keeps one message per key: a resend replaces its file, other keys get their own', async () => {
    const demo = sender();
    await Promise.all([
      demo.send(message),
      demo.send({ ...message, text: 'دوباره' }),
      demo.send({ ...message, key: 'permit-7f3a.FeesAssessed.4', language: 'en', text: 'Fees' }),
    ]);
    expect(readdirSync(outbox).sort()).toEqual([
      'permit-7f3a.FeesAssessed.4.eml',
      'permit-7f3a.PermitIssued.9.eml',
    ]);
    const resent = await simpleParser(readFileSync(join(outbox, 'permit-7f3a.PermitIssued.9.eml')));
    expect(resent.text).toBe('دوباره');
  });

  it('logs one masked line per message', async () => {
    await sender().send(message);
    const logged = log.mock.calls.map((call) => String(call[0]));
    expect(logged).toEqual(['Email to z***@example.ir in the demo outbox: permit-7f3a.PermitIssued.9.eml']);
  });

  it.each(['../escape', 'a/b', '.hidden', 'a..b'])('refuses the key %p and writes nothing', async (key) => {
    await expect(sender().send({ ...message, key })).rejects.toMatchObject({ code: 'EMAIL.INVALID_KEY' });
    expect(() => readdirSync(outbox)).toThrow(/ENOENT/);
  });
});
