import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PERMIT_PARCEL } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { deliveryKey, smsReference } from '../../src/notifications/message-ids.js';
import { compiled } from '../support/compiled.js';
import { KavenegarStandIn, SmtpStandIn, type Receiver } from './stand-in-receivers.js';
import { until } from '../support/until.js';

/** Each wait is for one observable step (a start, a hand-over, a record); a loaded machine gets time. */
const STEP_MS = 60_000;
const PUBLIC_URL = 'https://daftar.municipality.test';

interface Daftar {
  readonly child: ChildProcess;
  readonly url: string;
  /** The child's stdout and stderr so far, for a failure's message. */
  readonly output: () => string;
}

interface Logged {
  readonly type: string;
  readonly data: { readonly messageId: string; readonly [field: string]: unknown };
}

/**
 * Done when of issue 16: the process is killed after the provider accepted a message but before the
 * message was recorded as sent; after the restart it is sent again with the same key, and the
 * receiver, which keeps one message per key, shows the person one message.
 */
describe('a notification whose sender is killed between the hand-over and the record', () => {
  let dataDir: string;
  /** Compiled once: a rebuild between the two starts would make them different servers. */
  let main: string;
  const children: ChildProcess[] = [];
  const stops: (() => Promise<void>)[] = [];

  beforeAll(() => {
    main = compiled('dist/src/main.js');
  }, 300_000);
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-notify-crash-'));
  });
  afterEach(async () => {
    await Promise.all(children.splice(0).map(killed));
    await Promise.all(stops.splice(0).map((stop) => stop()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The compiled server on a free port with `env` (and no DAFTAR_* of the outside); resolves once ready. */
  async function startDaftar(env: Record<string, string>): Promise<Daftar> {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('DAFTAR_')),
    );
    const child = spawn(process.execPath, [main], {
      env: {
        ...inherited,
        DAFTAR_DATA_DIR: dataDir,
        DAFTAR_DEMO_DATA: 'true',
        DAFTAR_PUBLIC_URL: PUBLIC_URL,
        DAFTAR_NOTIFY_WINDOW_SECONDS: '0',
        DAFTAR_QUIET_HOURS: 'off',
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    // Both pipes are read to the end: a child blocked on a full pipe would stall the test.
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const url = await until('the server listens', () => {
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output}`);
      return /Daftar listening on (http:\/\/localhost:\d+)/.exec(output)?.[1];
    });
    await until('the server is ready', async () => {
      const res = await fetch(`${url}/ready`).catch(() => undefined);
      return res?.ok || undefined;
    });
    return { child, url, output: () => output };
  }

  /**
   * The one cause used here: a notary's transfer inquiry on the demo citizen's parcel, answered at
   * once, tells the parcel's owner (the demo citizen) that it was asked.
   */
  async function causeNotification(url: string): Promise<void> {
    const notary = await signIn(url, 'notary');
    await request(url, 'POST', '/inquiries', notary, {
      kind: 'Transfer',
      renewalCode: DEMO_PERMIT_PARCEL,
      requesterReference: 'CRASH-TEST-1',
      purpose: 'sale of the property',
    });
  }

  /**
   * Kills the first server once `receiver` has kept the first message and before it answers, checks
   * that the log holds the message queued and not sent, restarts on the same data, and answers the
   * message's id and its log once the restarted server recorded it sent.
   */
  async function crashAndResend(
    receiver: Receiver,
    env: Record<string, string>,
    prepare: (url: string) => Promise<void> = async () => undefined,
  ): Promise<{ messageId: string; log: Logged[] }> {
    const first = await startDaftar(env);
    receiver.beforeFirstAnswer(() => killed(first.child));
    await prepare(first.url);
    await causeNotification(first.url);
    await until('the receiver takes the first message and the server is killed', () => {
      if (first.child.signalCode === 'SIGKILL') return true;
      if (first.child.exitCode !== null) throw new Error(`the server exited by itself: ${first.output()}`);
      return undefined;
    });
    expect(receiver.handovers).toHaveLength(1);

    // Delivered, never recorded: the log has the message queued, not sent.
    const before = notificationLog(dataDir);
    expect(before.map((e) => e.type)).toEqual(['NotificationQueued']);
    const { messageId } = before[0]!.data;

    const second = await startDaftar(env);
    const log = await until(
      'the restarted server records the message sent',
      () => {
        if (second.child.exitCode !== null) throw new Error(`the server exited: ${second.output()}`);
        const own = notificationLog(dataDir).filter((e) => e.data.messageId === messageId);
        return own.some((e) => e.type === 'NotificationSent') ? own : undefined;
      },
      STEP_MS,
      () =>
        `handed over: ${JSON.stringify(receiver.handovers.map((h) => h.key))}; ` +
        `log: ${JSON.stringify(notificationLog(dataDir).map((e) => e.type))}; ` +
        `the server warned: ${warnings(second.output())}`,
    );
    return { messageId, log };
  }

  it('sends an SMS again with the same localid, and the provider holds one message', async () => {
    const provider = new KavenegarStandIn('crash-test-key');
    const smsUrl = await provider.start();
    stops.push(() => provider.stop());

    const { messageId, log } = await crashAndResend(provider, {
      DAFTAR_SMS_URL: smsUrl,
      DAFTAR_SMS_KEY: provider.apiKey,
      DAFTAR_SMS_SENDER: '10004346',
    });

    // Sent once, not failed in between.
    expect(log.map((e) => e.type)).toEqual(['NotificationQueued', 'NotificationSent']);
    // Handed over twice, the same message both times: the person's phone shows one.
    const [once] = provider.handovers;
    expect(provider.handovers).toEqual([once, once]);
    expect(provider.messages.size).toBe(1);
    expect(once).toEqual({
      key: smsReference(deliveryKey(messageId, 1)),
      to: '09120000001',
      text: expect.stringContaining('ملک شما') as string,
    });
  }, 240_000);

  it('sends an email again with the same Message-ID, and the mailbox holds one message', async () => {
    const mailServer = new SmtpStandIn();
    const smtpPort = await mailServer.start();
    stops.push(() => mailServer.stop());

    const { messageId, log } = await crashAndResend(
      mailServer,
      {
        DAFTAR_SMTP_HOST: '127.0.0.1',
        DAFTAR_SMTP_PORT: String(smtpPort),
        DAFTAR_SMTP_TLS: 'none',
        DAFTAR_MAIL_FROM: 'شهرداری نمونه <no-reply@municipality.test>',
      },
      async (url) => {
        const citizen = await signIn(url, 'citizen');
        await request(url, 'PUT', '/me/notifications', citizen, {
          channels: ['email'],
          email: 'zahra@example.org',
          language: 'fa',
        });
      },
    );

    expect(log.map((e) => e.type)).toEqual(['NotificationQueued', 'NotificationSent']);
    const [once] = mailServer.handovers;
    expect(mailServer.handovers).toEqual([once, once]);
    expect(mailServer.messages.size).toBe(1);
    expect(once).toEqual({
      key: `<${deliveryKey(messageId, 1)}@${new URL(PUBLIC_URL).hostname}>`,
      to: 'zahra@example.org',
      subject: expect.stringContaining('استعلام درباره ملک شما') as string,
      text: expect.stringContaining('ملک شما') as string,
    });
  }, 240_000);
});

/** The notification streams' events in the store on disk, read without writing to it. */
function notificationLog(dataDir: string): Logged[] {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare(`SELECT type, data FROM events WHERE stream LIKE 'notification-%' ORDER BY position`)
      .all() as { type: string; data: string }[];
    return rows.map((row) => ({ type: row.type, data: JSON.parse(row.data) as Logged['data'] }));
  } finally {
    db.close();
  }
}

async function request(
  url: string,
  method: string,
  path: string,
  token: string | undefined,
  body: unknown,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

async function signIn(url: string, username: string): Promise<string> {
  const { accessToken } = await request(url, 'POST', '/auth/token', undefined, {
    username,
    password: DEMO_PASSWORD,
  });
  return String(accessToken);
}

function killed(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** The server's warnings and errors (pino levels 40 and up), for a failure's message. */
function warnings(output: string): string {
  return output
    .split('\n')
    .filter((line) => /"level":(?:[4-9]\d)/.test(line))
    .join('\n');
}
