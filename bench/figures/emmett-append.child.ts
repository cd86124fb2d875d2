import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import {
  getSQLiteEventStore,
  messagesTable,
  sqliteConnection,
  SQLiteEventStoreDefaultStreamVersion,
} from '@event-driven-io/emmett-sqlite';
import { newId } from '../../src/shared/ids.js';
import { measureLoops, percentile, round, type BenchContext, type Figure } from '../figure.js';
import { meanDataBytes, meanMetadataBytes, nextTemplate, STREAM_LENGTH } from './append-workload.js';
import { emmettFigureName } from './emmett.bench.js';

/**
 * The peer of the append figures (issue 18): the same workload on Emmett's SQLite event store, one
 * store instance shared by the writers as an application shares its store, with the durability it
 * ships with. Its failures are counted and reported, not retried.
 */
const SYNCHRONOUS = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
/** An append that has not answered by then counts as failed, so that a stuck peer cannot stall the run. */
const DEADLINE_MS = 20_000;

/** One writer's position in Emmett's terms: a stream's version is its number of events, 0 before any. */
class EmmettWriter {
  private stream = '';
  private version = BigInt(STREAM_LENGTH);

  next(): { stream: string; expectedStreamVersion: bigint } {
    if (this.version >= STREAM_LENGTH) {
      this.stream = `permit-${newId()}`;
      this.version = SQLiteEventStoreDefaultStreamVersion;
    }
    return { stream: this.stream, expectedStreamVersion: this.version };
  }

  acknowledged(nextExpectedStreamVersion: bigint): void {
    this.version = nextExpectedStreamVersion;
  }

  /** After a failure the stream's version is unknown, so the writer moves on to a new stream. */
  abandon(): void {
    this.version = BigInt(STREAM_LENGTH);
  }
}

function withDeadline<T>(promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function installedVersion(packageName: string): string {
  const entry = createRequire(import.meta.url).resolve(packageName);
  let dir = dirname(entry);
  while (!dir.endsWith(join('node_modules', packageName)) && dir !== dirname(dir)) dir = dirname(dir);
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** What the store's own connections run with, read through a connection opened the way it opens them. */
async function inspect(file: string) {
  const connection = sqliteConnection({ fileName: file });
  try {
    const one = async <T>(sql: string) => (await connection.querySingle<T>(sql))!;
    const { journal_mode } = await one<{ journal_mode: string }>('PRAGMA journal_mode');
    const { synchronous } = await one<{ synchronous: number }>('PRAGMA synchronous');
    const { version } = await one<{ version: string }>('SELECT sqlite_version() AS version');
    const { rows } = await one<{ rows: number }>(`SELECT count(*) AS rows FROM ${messagesTable.name}`);
    return {
      journalMode: journal_mode,
      synchronous: SYNCHRONOUS[synchronous] ?? String(synchronous),
      version,
      rows,
    };
  } finally {
    connection.close();
  }
}

export async function emmettAppendFigure(writers: number, context: BenchContext): Promise<Figure> {
  const file = join(context.dir, 'emmett.db');
  const store = getSQLiteEventStore({ fileName: file });
  const writerStates = Array.from({ length: writers }, () => new EmmettWriter());
  // Emmett creates its schema on first use; Daftar's store has it from its constructor.
  await store.readStream('permit-schema');
  let acknowledged = 0;
  const failures = new Map<string, number>();
  // Emmett logs each failed transaction with console.log, which would break stdout's one JSON line
  // per figure; the failures are counted below instead.
  const log = console.log;
  console.log = () => undefined;
  let measured;
  try {
    measured = await measureLoops(writers, async (worker) => {
      const writer = writerStates[worker]!;
      const { stream, expectedStreamVersion } = writer.next();
      const { type, data, metadata } = nextTemplate();
      try {
        const result = await withDeadline(
          store.appendToStream(stream, [{ type, data, metadata }], {
            expectedStreamVersion,
          }),
        );
        writer.acknowledged(result.nextExpectedStreamVersion);
        acknowledged += 1;
        return 1;
      } catch (error) {
        writer.abandon();
        const kind = error instanceof Error ? error.message : String(error);
        failures.set(kind, (failures.get(kind) ?? 0) + 1);
        return 0;
      }
    });
  } finally {
    console.log = log;
  }
  const found = await inspect(file);
  const failedAppends = [...failures.values()].reduce((sum, n) => sum + n, 0);
  context.log(
    `${measured.count} events in ${measured.seconds.toFixed(2)} s; ${failedAppends} appends failed`,
  );
  return {
    name: emmettFigureName(writers),
    value: round(measured.count / measured.seconds),
    unit: 'events/s',
    writers,
    latencyP50Ms: percentile(measured.latenciesMs, 50),
    latencyP99Ms: percentile(measured.latenciesMs, 99),
    dataBytes: meanDataBytes,
    metadataBytes: meanMetadataBytes,
    store: `Emmett SQLite event store ${installedVersion('@event-driven-io/emmett-sqlite')} (@event-driven-io/emmett-sqlite, node sqlite3 ${installedVersion('sqlite3')}, SQLite ${found.version})`,
    journalMode: found.journalMode,
    synchronous: found.synchronous,
    // Over the whole run (warm-up, window and the appends still running at its end), from the writers'
    // side and from the file's: an acknowledged event missing from the file was lost.
    acknowledged,
    eventsInFile: found.rows,
    failedAppends,
    failures: Object.fromEntries(failures),
  };
}

/** Run as a script (`emmett-append.child.js <writers> <dir>`): prints the figure as one JSON line. */
async function main(): Promise<void> {
  const [writers, dir] = process.argv.slice(2);
  const figure = await emmettAppendFigure(Number(writers), {
    dir: dir!,
    results: new Map(),
    log: (message) => process.stderr.write(`${message}\n`),
  });
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
