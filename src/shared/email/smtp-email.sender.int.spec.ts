import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import forge from 'node-forge';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { MailConfig } from '../../config/app-config.js';
import type { EmailMessage } from './email.port.js';
import { SmtpEmailSender } from './smtp-email.sender.js';

/** A throwaway certificate for 127.0.0.1, its own CA: the sender trusts it only through DAFTAR_SMTP_CA. */
function selfSignedCertificate(): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey);
  certificate.serialNumber = '01';
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const name = [{ name: 'commonName', value: 'mail.municipality.test' }];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { key: privateKey, cert: forge.pki.certificateToPem(certificate) };
}

interface Delivery {
  readonly mailFrom: string | false;
  readonly rcptTo: readonly string[];
  readonly secure: boolean;
  readonly user: string | undefined;
  readonly raw: Buffer;
}

/** A real SMTP server on a free port, keeping what it received and the credentials it was shown. */
function mailServer(options: SMTPServerOptions = {}) {
  const deliveries: Delivery[] = [];
  const logins: { username?: string | null; password?: string | null }[] = [];
  let connections = 0;
  let closed = 0;
  const server = new SMTPServer({
    logger: false,
    disableReverseLookup: true,
    authOptional: true,
    closeTimeout: 100,
    onConnect: (_session, callback) => {
      connections += 1;
      callback();
    },
    onClose: () => {
      closed += 1;
    },
    onAuth: (auth, _session, callback) => {
      logins.push({ username: auth.username, password: auth.password });
      if (auth.username === 'daftar' && auth.password === 'mail-secret') callback(null, { user: 'daftar' });
      else callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        deliveries.push({
          mailFrom: session.envelope.mailFrom && session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          secure: session.secure,
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
    ...options,
  });
  return {
    deliveries,
    logins,
    connections: () => connections,
    closed: () => closed,
    start: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const message: EmailMessage = {
  to: 'zahra.ahmadi@example.ir',
  subject: 'پرونده ۱۲۳۴۵۶۷۸ دریافت شد',
  text: 'شهروند گرامی، درخواست پروانه شما با کد رهگیری ۱۲۳۴۵۶۷۸ ثبت شد.\nمبلغ عوارض: ۱۲٬۵۰۰٬۰۰۰ ریال',
  language: 'fa',
  key: 'permit-7f3a.PermitSubmitted.1',
};
const PUBLIC_URL = 'https://daftar.example.ir:8443';

function config(port: number, overrides: Partial<MailConfig> = {}): MailConfig {
  return {
    host: '127.0.0.1',
    port,
    tls: 'none',
    auth: undefined,
    from: { name: 'شهرداری نمونه', address: 'no-reply@example.ir' },
    timeoutMs: 2000,
    caPath: undefined,
    ...overrides,
  };
}

/** Sends through a fresh sender and closes its pool, as the module does on shutdown. */
async function sendOnce(mailConfig: MailConfig, email: EmailMessage = message): Promise<void> {
  const sender = new SmtpEmailSender(mailConfig, PUBLIC_URL);
  try {
    await sender.send(email);
  } finally {
    sender.onModuleDestroy();
  }
}

describe('SmtpEmailSender against a real SMTP server', () => {
  let dir: string;
  let tls: { key: string; cert: string };
  let caPath: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-smtp-'));
    tls = selfSignedCertificate();
    caPath = join(dir, 'mail-ca.pem');
    writeFileSync(caPath, tls.cert);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('delivers over STARTTLS with the account, the Persian text intact and the key as Message-ID', async () => {
    const server = mailServer({ ...tls });
    const port = await server.start();
    try {
      await sendOnce(
        config(port, { tls: 'starttls', caPath, auth: { user: 'daftar', password: 'mail-secret' } }),
      );
      expect(server.logins).toEqual([{ username: 'daftar', password: 'mail-secret' }]);
      expect(server.deliveries).toHaveLength(1);
      const [delivery] = server.deliveries;
      expect(delivery).toMatchObject({
        mailFrom: 'no-reply@example.ir',
        rcptTo: ['zahra.ahmadi@example.ir'],
        secure: true,
        user: 'daftar',
      });
      const mail = await simpleParser(delivery!.raw);
      expect(mail.messageId).toBe('<permit-7f3a.PermitSubmitted.1@daftar.example.ir>');
      expect(mail.headers.get('content-language')).toBe('fa');
      expect(mail.subject).toBe(message.subject);
      expect(mail.text).toBe(message.text);
      expect(mail.from?.value).toEqual([{ name: 'شهرداری نمونه', address: 'no-reply@example.ir' }]);
      expect(mail.to).toMatchObject({ value: [{ address: 'zahra.ahmadi@example.ir', name: '' }] });
      expect(delivery!.raw.toString('latin1')).toMatch(/^Content-Type: text\/plain; charset=utf-8\r$/im);
    } finally {
      await server.stop();
    }
  });

  it('reuses one pooled connection for several messages, and closes it on shutdown', async () => {
    const server = mailServer();
    const port = await server.start();
    const sender = new SmtpEmailSender(config(port), PUBLIC_URL);
    try {
      await sender.send(message);
      await sender.send({ ...message, key: 'permit-7f3a.FeesAssessed.2', language: 'en', subject: 'Fees' });
      const mails = await Promise.all(server.deliveries.map((delivery) => simpleParser(delivery.raw)));
      expect(mails.map((mail) => [mail.messageId, mail.headers.get('content-language')])).toEqual([
        ['<permit-7f3a.PermitSubmitted.1@daftar.example.ir>', 'fa'],
        ['<permit-7f3a.FeesAssessed.2@daftar.example.ir>', 'en'],
      ]);
      expect([server.connections(), server.closed()]).toEqual([1, 0]);
      sender.onModuleDestroy();
      for (let waited = 0; server.closed() === 0 && waited < 1000; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(server.closed()).toBe(1);
    } finally {
      sender.onModuleDestroy();
      await server.stop();
    }
  });

  it('speaks TLS from the first byte in implicit mode', async () => {
    const server = mailServer({ ...tls, secure: true });
    const port = await server.start();
    try {
      await sendOnce(config(port, { tls: 'implicit', caPath }));
      expect(server.deliveries.map((delivery) => delivery.secure)).toEqual([true]);
    } finally {
      await server.stop();
    }
  });

  it('refuses to send in clear text when the server does not offer STARTTLS', async () => {
    const server = mailServer({ ...tls, disabledCommands: ['STARTTLS'] });
    const port = await server.start();
    try {
      await expect(sendOnce(config(port, { tls: 'starttls', caPath }))).rejects.toMatchObject({
        code: 'EMAIL.UNAVAILABLE',
        kind: 'unavailable',
      });
      expect(server.deliveries).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('names DAFTAR_SMTP_CA when its file cannot be read', () => {
    expect(() => new SmtpEmailSender(config(25, { caPath: join(dir, 'missing.pem') }), PUBLIC_URL)).toThrow(
      /DAFTAR_SMTP_CA: cannot read .*missing\.pem: ENOENT/,
    );
  });

  it('does not trust a certificate outside the system CAs unless DAFTAR_SMTP_CA names its CA', async () => {
    const server = mailServer({ ...tls });
    const port = await server.start();
    try {
      await expect(sendOnce(config(port, { tls: 'starttls' }))).rejects.toMatchObject({
        code: 'EMAIL.UNAVAILABLE',
      });
      expect(server.deliveries).toEqual([]);
    } finally {
      await server.stop();
    }
  });

  it('answers EMAIL.REJECTED for a recipient the server refuses for good, without the address', async () => {
    const server = mailServer({
      onRcptTo: (address, _session, callback) =>
        callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected`), {
            responseCode: 550,
          }),
        ),
    });
    const port = await server.start();
    try {
      const sending = sendOnce(config(port));
      await expect(sending).rejects.toMatchObject({ code: 'EMAIL.REJECTED', kind: 'invalid' });
      await expect(sending).rejects.toThrow(/EENVELOPE 550 5\.1\.1/);
      await expect(sending).rejects.not.toThrow(/zahra/);
    } finally {
      await server.stop();
    }
  });

  it('answers EMAIL.UNAVAILABLE for a temporary refusal (4xx)', async () => {
    const server = mailServer({
      onData: (stream, _session, callback) => {
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('4.3.0 Mailbox busy, try later'), { responseCode: 451 })),
        );
      },
    });
    const port = await server.start();
    try {
      const sending = sendOnce(config(port));
      await expect(sending).rejects.toMatchObject({ code: 'EMAIL.UNAVAILABLE', kind: 'unavailable' });
      await expect(sending).rejects.toThrow(/451/);
    } finally {
      await server.stop();
    }
  });

  it('answers EMAIL.UNAVAILABLE for refused credentials, without the user or password', async () => {
    const server = mailServer({ ...tls });
    const port = await server.start();
    try {
      const sending = sendOnce(
        config(port, { tls: 'starttls', caPath, auth: { user: 'daftar', password: 'wrong-secret' } }),
      );
      await expect(sending).rejects.toMatchObject({ code: 'EMAIL.UNAVAILABLE' });
      await expect(sending).rejects.toThrow(/EAUTH 535/);
      await expect(sending).rejects.not.toThrow(/wrong-secret|daftar/);
      expect(server.logins).toEqual([{ username: 'daftar', password: 'wrong-secret' }]);
    } finally {
      await server.stop();
    }
  });

  it('answers EMAIL.UNAVAILABLE when nothing listens', async () => {
    const closed = createServer();
    const port = await new Promise<number>((resolve) =>
      closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)),
    );
    await new Promise((resolve) => closed.close(resolve));
    await expect(
      sendOnce(config(port, { auth: { user: 'daftar', password: 'mail-secret' } })),
    ).rejects.toMatchObject({ code: 'EMAIL.UNAVAILABLE', message: expect.not.stringMatching(/mail-secret/) });
  });

  it('answers EMAIL.UNAVAILABLE when the server never greets, after the timeout', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    const port = await new Promise<number>((resolve) =>
      silent.listen(0, '127.0.0.1', () => resolve((silent.address() as AddressInfo).port)),
    );
    try {
      const started = Date.now();
      await expect(sendOnce(config(port, { timeoutMs: 300 }))).rejects.toMatchObject({
        code: 'EMAIL.UNAVAILABLE',
        message: expect.stringMatching(/ETIMEDOUT/),
      });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it.each([
    ['nothing in it', ''],
    ['a path', '../etc/passwd'],
    ['a space', 'a b'],
    ['two dots', 'a..b'],
    ['an @', 'key@host'],
    ['201 characters', 'k'.repeat(201)],
  ])('refuses a key with %s before connecting', async (_, key) => {
    await expect(sendOnce(config(9), { ...message, key })).rejects.toMatchObject({
      code: 'EMAIL.INVALID_KEY',
      kind: 'invalid',
    });
  });
});
