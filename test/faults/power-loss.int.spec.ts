import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { compiled } from '../support/compiled.js';

// SIGKILL (sqlite-crash.int.spec.ts) keeps the page cache, so it cannot tell `synchronous=FULL` from
// NORMAL. Here an LD_PRELOAD shim (power-loss-shim.c) keeps what a disk would hold after the power
// fails: a file's content as of its last fsync, a directory's names as of its last fsync. After the
// kill, the data directory is replaced by that image before the store opens it again.

const writer = join(__dirname, 'power-loss-writer.child.mjs');

/** What crash-writer.child.mjs prints for each acknowledged append. */
interface Ack {
  readonly stream: string;
  readonly fromRevision: string;
  readonly ids: readonly string[];
  readonly position: string;
}

interface Disk {
  readonly data: string;
  readonly images: string;
}

/** Appends under concurrency until `killAfter` appends are acknowledged, then SIGKILLs the writer. */
function writeUntilKilled(shim: string, disk: Disk, killAfter: number, synchronous = ''): Promise<Ack[]> {
  const child = spawn(process.execPath, [writer, join(disk.data, 'events.db')], {
    env: {
      ...process.env,
      LD_PRELOAD: shim,
      POWER_LOSS_DIR: disk.data,
      POWER_LOSS_IMAGES: disk.images,
      POWER_LOSS_SYNCHRONOUS: synchronous,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const acks: Ack[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  createInterface({ input: child.stdout }).on('line', (line) => {
    acks.push(JSON.parse(line) as Ack);
    if (acks.length === killAfter) child.kill('SIGKILL');
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && acks.length >= killAfter) resolve(acks);
      else reject(new Error(`The writer stopped by itself (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

/**
 * The power fails: the directory keeps the names of its last fsync, each with the content of its own
 * last fsync; a name synced into the directory whose file never was is left empty (the -shm index,
 * which SQLite rebuilds from the WAL).
 */
function losePower(disk: Disk): void {
  const listing = join(disk.images, '.names');
  const names = existsSync(listing) ? readFileSync(listing, 'utf8').split('\n').filter(Boolean) : [];
  for (const name of readdirSync(disk.data)) rmSync(join(disk.data, name));
  for (const name of names) {
    const image = join(disk.images, name);
    if (existsSync(image)) copyFileSync(image, join(disk.data, name));
    else writeFileSync(join(disk.data, name), '');
  }
}

async function readWholeLog(file: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore(file);
  try {
    const log: RecordedEvent[] = [];
    for (let from: string | undefined; ;) {
      const { events, nextPosition } = await store.readAll(from, { maxCount: 1000 });
      if (events.length === 0) return log;
      log.push(...events);
      from = nextPosition;
    }
  } finally {
    await store.close();
  }
}

/** The acknowledged events that are missing, or not at the stream, revision and position acknowledged. */
function lostEvents(acks: readonly Ack[], log: readonly RecordedEvent[]): string[] {
  const byId = new Map(log.map((e) => [e.id, e]));
  return acks.flatMap((ack) =>
    ack.ids.filter((id, k) => {
      const event = byId.get(id);
      return (
        event?.stream !== ack.stream ||
        event.revision !== BigInt(ack.fromRevision) + BigInt(k) ||
        // One append's events take consecutive positions, the last one acknowledged.
        event.position !== String(Number(ack.position) - (ack.ids.length - 1 - k))
      );
    }),
  );
}

function integrity(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true });
  } finally {
    db.close();
  }
}

describe('SQLite event store after a power loss (writes since the last fsync are lost)', () => {
  let root: string;
  let shim: string;
  let disk: Disk;
  let file: string;

  beforeAll(() => {
    compiled('dist/src/event-store/sqlite/sqlite-event-store.js');
    root = realpathSync(mkdtempSync(join(tmpdir(), 'daftar-power-loss-')));
    shim = join(root, 'power-loss-shim.so');
    const source = join(__dirname, 'power-loss-shim.c');
    try {
      execFileSync('gcc', ['-shared', '-fPIC', '-o', shim, source, '-ldl', '-lpthread'], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(
        `Building the power-loss shim needs gcc (Debian: apt-get install gcc): ${String(error)}`,
      );
    }
  }, 180_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeEach(() => {
    const dir = mkdtempSync(join(root, 'run-'));
    disk = { data: join(dir, 'data'), images: join(dir, 'images') };
    mkdirSync(disk.data);
    mkdirSync(disk.images);
    file = join(disk.data, 'events.db');
  });

  it('keeps every acknowledged append, in a dense log, across power losses (synchronous=FULL)', async () => {
    const acks: Ack[] = [];
    for (const killAfter of [1500, 1500]) {
      acks.push(...(await writeUntilKilled(shim, disk, killAfter)));
      losePower(disk);
    }
    // The run went through WAL checkpoints, which copy the log into the database file and sync it.
    expect(statSync(join(disk.images, 'events.db')).size).toBeGreaterThan(1 << 20);

    const log = await readWholeLog(file);
    const lost = lostEvents(acks, log);
    expect({ lost: lost.length, some: lost.slice(0, 3) }).toEqual({ lost: 0, some: [] });
    expect(log.findIndex((e, i) => e.position !== String(i + 1))).toBe(-1);
    expect(integrity(file)).toBe('ok');
  }, 60_000);

  it('is a test that can fail: with synchronous=NORMAL, acknowledged appends are lost', async () => {
    // Killed before the first checkpoint: in WAL mode NORMAL syncs the log only then.
    const acks = await writeUntilKilled(shim, disk, 100, 'NORMAL');
    losePower(disk);

    const log = await readWholeLog(file);
    expect(lostEvents(acks, log).length).toBeGreaterThan(0);
    // NORMAL gives up durability, not consistency.
    expect(log.findIndex((e, i) => e.position !== String(i + 1))).toBe(-1);
    expect(integrity(file)).toBe('ok');
  }, 60_000);
});
