import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { newId } from '../../src/shared/ids.js';
import { compiled } from '../support/compiled.js';

const childScript = join(__dirname, 'crash-writer.child.mjs');

/** What the child prints for each acknowledged append. */
interface Ack {
  readonly stream: string;
  readonly fromRevision: string;
  readonly toRevision: string;
  readonly ids: readonly string[];
  readonly position: string;
}

interface ProbeData {
  readonly appendId: string;
  readonly index: number;
  readonly count: number;
}

/** Runs the writer on `file` and SIGKILLs it once it acknowledged at least `killAfter` appends. */
function crashRound(file: string, killAfter: number): Promise<Ack[]> {
  const child = spawn(process.execPath, [childScript, file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acks: Ack[] = [];
  let partial = '';
  let stderr = '';
  let killed = false;
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  child.stdout.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    // Each ack is one write smaller than PIPE_BUF, so only the tail of a chunk can be incomplete.
    partial = lines.pop()!;
    for (const line of lines) acks.push(JSON.parse(line) as Ack);
    if (!killed && acks.length >= killAfter) {
      killed = true;
      child.kill('SIGKILL');
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    // 'close' waits for stdout to end, so acks written just before the kill are read too.
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && killed) resolve(acks);
      else reject(new Error(`The writer stopped by itself (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

async function readWholeLog(store: SqliteEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let from: string | undefined;
  for (;;) {
    const { events, nextPosition } = await store.readAll(from, { maxCount: 1000 });
    if (events.length === 0) return all;
    all.push(...events);
    from = nextPosition;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

describe('SQLite event store killed mid-append (SIGKILL)', () => {
  let dir: string;
  let file: string;

  beforeAll(() => compiled('dist/src/event-store/sqlite/sqlite-event-store.js'), 180_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-crash-'));
    file = join(dir, 'events.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged append, whole, in a dense log, across repeated crashes', async () => {
    // Several rounds on the same file: each later round also recovers what the earlier crash left.
    const acks: Ack[] = [];
    for (const killAfter of [300, 420, 540]) acks.push(...(await crashRound(file, killAfter)));
    expect(acks.length).toBeGreaterThanOrEqual(1260);

    const store = new SqliteEventStore(file);
    try {
      const log = await readWholeLog(store);
      const byId = new Map(log.map((e) => [e.id, e]));

      // Positions are dense 1..head. (findIndex keeps a failure's output short.)
      expect(log.findIndex((e, i) => e.position !== String(i + 1))).toBe(-1);
      expect(await store.headPosition()).toBe(String(log.length));
      expect(byId.size).toBe(log.length);

      // Every stream's revisions are dense 0..n, in log order.
      const streams = groupBy(log, (e) => e.stream);
      // The child gives each of its 40 own-stream appenders a new stream per run, plus the shared one.
      expect(streams.size).toBe(40 * 3 + 1);
      for (const events of streams.values()) {
        expect(events.findIndex((e, i) => e.revision !== BigInt(i))).toBe(-1);
      }

      // Every acknowledged append is there, at exactly the stream, revisions and positions acknowledged.
      for (const ack of acks) {
        const n = ack.ids.length;
        const found = ack.ids.map((id) => byId.get(id));
        const where = found.map((e) => e && { stream: e.stream, revision: e.revision, position: e.position });
        expect(where).toEqual(
          ack.ids.map((_, k) => ({
            stream: ack.stream,
            revision: BigInt(ack.fromRevision) + BigInt(k),
            // One append's events are inserted one after the other in the same transaction.
            position: String(Number(ack.position) - (n - 1 - k)),
          })),
        );
        expect(BigInt(ack.toRevision) - BigInt(ack.fromRevision)).toBe(BigInt(n - 1));
      }

      // Acknowledged or not, every append is whole: all of its 2–3 events, consecutive, or none.
      const appends = groupBy(log, (e) => (e.data as ProbeData).appendId);
      for (const events of appends.values()) {
        const first = events[0]!;
        expect(events.map((e) => (e.data as ProbeData).index)).toEqual(
          Array.from({ length: (first.data as ProbeData).count }, (_, i) => i),
        );
        const misplaced = events.findIndex(
          (e, i) =>
            e.stream !== first.stream ||
            e.revision !== first.revision + BigInt(i) ||
            e.position !== String(Number(first.position) + i),
        );
        expect(misplaced).toBe(-1);
      }
      expect(appends.size).toBeGreaterThanOrEqual(acks.length);

      // The recovered store takes the next append where the log left off.
      const shared = streams.get('crash-shared')!;
      const { type, data, metadata } = shared[0]!;
      const next = await store.append('crash-shared', [{ id: newId(), type, data, metadata }], {
        expectedRevision: BigInt(shared.length - 1),
      });
      expect(next).toEqual({
        nextExpectedRevision: BigInt(shared.length),
        position: String(log.length + 1),
      });
    } finally {
      await store.close();
    }

    const db = new Database(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 120_000);
});
