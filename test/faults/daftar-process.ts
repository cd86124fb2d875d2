import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { compiled } from '../support/compiled.js';
import { until } from '../support/until.js';

/** The public URL the servers are configured with; the ledger's checkpoints name its host. */
export const PUBLIC_URL = 'https://daftar.municipality.test';

export interface DaftarProcess {
  readonly child: ChildProcess;
  readonly url: string;
  /** The last of the child's stdout and stderr, for a failure's message. */
  output(): string;
}

/**
 * The compiled server (`npm test` builds first) on a free loopback port with demo data and `env`,
 * ignoring the DAFTAR_* of the outside; resolves once GET /ready answers 200.
 */
export async function startDaftar(
  dataDir: string,
  env: Record<string, string> = {},
  options: { readonly waitForReady?: boolean } = {},
): Promise<DaftarProcess> {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('DAFTAR_')));
  const child = spawn(process.execPath, [compiled('dist/src/main.js')], {
    env: {
      ...inherited,
      DAFTAR_DATA_DIR: dataDir,
      DAFTAR_DEMO_DATA: 'true',
      DAFTAR_PUBLIC_URL: PUBLIC_URL,
      PORT: '0',
      HOST: '127.0.0.1',
      // The address is logged at `info`.
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Both pipes are read to the end: a child blocked on a full pipe would stall the test.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = () => {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${output}`);
  };
  const url = await until('the server listens', () => {
    exited();
    const port = /Daftar listening on http:\/\/localhost:(\d+)/.exec(output)?.[1];
    return port === undefined ? undefined : `http://127.0.0.1:${port}`;
  });
  const daftar = { child, url, output: () => output };
  if (options.waitForReady === false) return daftar;
  await until('the server is ready', async () => {
    exited();
    return (await readiness(daftar))?.ready;
  });
  return daftar;
}

export interface Readiness {
  readonly ready: true | undefined;
  readonly subscribers: readonly {
    name: string;
    state: string;
    position?: string;
    parked?: number;
    retry?: { message: string };
    failure?: { reason?: string; message: string };
  }[];
}

/** GET /ready: `ready` is true on a 200; undefined when the server does not answer. */
export async function readiness(daftar: DaftarProcess): Promise<Readiness | undefined> {
  const res = await fetch(`${daftar.url}/ready`).catch(() => undefined);
  if (!res) return undefined;
  const body = (await res.json()) as { subscribers?: Readiness['subscribers']; details?: Readiness };
  return {
    ready: res.ok || undefined,
    subscribers: body.subscribers ?? body.details?.subscribers ?? [],
  };
}

/** Ends the server with `signal` (SIGKILL: no shutdown hook runs) and resolves once it is gone. */
export function stopDaftar(daftar: DaftarProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const { child } = daftar;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A demo user's bearer token. */
export async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** The cheap command of the faults: the demo citizen opens a permit draft on their own parcel. */
export function openDraft(url: string, token: string): Promise<Response> {
  return fetch(`${url}/permits`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ renewalCode: '1-1-1-1-0-0-0', applicationType: 'NewConstruction' }),
  });
}

/** Runs `query` on one of the data directory's SQLite files, opened for reading only, beside the server. */
export function inFile<T>(dataDir: string, file: string, query: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, file), { readonly: true, fileMustExist: true });
  try {
    return query(db);
  } finally {
    db.close();
  }
}

export function integrity(dataDir: string, file: string): unknown {
  return inFile(dataDir, file, (db) => db.pragma('integrity_check', { simple: true }));
}

/** The event log's head position (its last event's), 0 when empty. */
export function logHead(dataDir: string): number {
  return inFile(dataDir, 'events.db', (db) =>
    db.prepare<[], number>('SELECT coalesce(max(position), 0) FROM events').pluck().get()!,
  );
}

/** The streams of the permit drafts opened in the log, `permit-<id>`, in log order. */
export function openedDrafts(dataDir: string): string[] {
  return inFile(dataDir, 'events.db', (db) =>
    db
      .prepare<[], string>("SELECT stream FROM events WHERE type = 'PermitDraftOpened' AND revision = 0")
      .pluck()
      .all(),
  );
}

/** What the read models hold of the log: permit documents, and events entered in the audit log. */
export function readModelCounts(dataDir: string): { permits: unknown; audited: unknown } {
  return inFile(dataDir, 'read-models.db', (db) => ({
    permits: db.prepare('SELECT count(*) FROM rm_permits').pluck().get(),
    audited: db.prepare('SELECT count(DISTINCT event_id) FROM audit_entries').pluck().get(),
  }));
}

export { until };
