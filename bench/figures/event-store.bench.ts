import { join } from 'node:path';
import { categoryOf, type NewEvent } from '../../src/event-store/event-envelope.js';
import type { ExpectedRevision } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { createEventsSchema, openDurableDatabase } from '../../src/event-store/sqlite/sqlite-schema.js';
import { newId } from '../../src/shared/ids.js';
import {
  measureLoops,
  measureSync,
  percentile,
  round,
  type BenchContext,
  type BenchFigure,
  type Figure,
  type Floor,
  type Measured,
} from '../figure.js';
import { meanDataBytes, meanMetadataBytes, nextTemplate, STREAM_LENGTH } from './append-workload.js';
import { emmettFigure, emmettPeer } from './emmett.bench.js';

const BASELINE = 'baseline.sqlite.insert.b100';
const BASELINE_TX_ROWS = 100;

/** A permit-like event: a template with a fresh id, as the application appends it. */
function permitEvent(): NewEvent {
  return { id: newId(), ...nextTemplate() };
}

/** One writer's position: which stream it writes and what it expects there. */
class Writer {
  private stream = '';
  private revision = STREAM_LENGTH;

  next(): { stream: string; expectedRevision: ExpectedRevision; event: NewEvent } {
    if (this.revision >= STREAM_LENGTH) {
      this.stream = `permit-${newId()}`;
      this.revision = 0;
    }
    const expectedRevision = this.revision === 0 ? 'no_stream' : BigInt(this.revision - 1);
    return { stream: this.stream, expectedRevision, event: permitEvent() };
  }

  acknowledged(nextExpectedRevision: bigint): void {
    this.revision = Number(nextExpectedRevision) + 1;
  }
}

async function appendFigure(name: string, writers: number, context: BenchContext): Promise<Figure> {
  const store = new SqliteEventStore(join(context.dir, 'events.db'));
  const writerStates = Array.from({ length: writers }, () => new Writer());
  // Acks of one group commit are all delivered in the same macrotask, so counting the macrotasks that
  // deliver acks counts commits without touching the store.
  let commits = 0;
  let inCommitTurn = false;
  let acks = 0;
  const measured = await measureLoops(writers, async (worker) => {
    const writer = writerStates[worker]!;
    const { stream, expectedRevision, event } = writer.next();
    const result = await store.append(stream, [event], { expectedRevision });
    writer.acknowledged(result.nextExpectedRevision);
    acks += 1;
    if (!inCommitTurn) {
      inCommitTurn = true;
      commits += 1;
      setImmediate(() => (inCommitTurn = false));
    }
    return 1;
  });
  await store.close();
  const value = round(measured.count / measured.seconds);
  context.log(`${measured.count} events in ${measured.seconds.toFixed(2)} s`);
  const baseline = context.results.get(BASELINE);
  const peer = emmettPeer(context, writers, value);
  return {
    name,
    value,
    unit: 'events/s',
    writers,
    meanBatch: round(acks / commits, 1),
    latencyP50Ms: percentile(measured.latenciesMs, 50),
    latencyP99Ms: percentile(measured.latenciesMs, 99),
    dataBytes: meanDataBytes,
    metadataBytes: meanMetadataBytes,
    ...(baseline ? { ratioToBaseline: round(value / baseline.value, 3) } : {}),
    floor: rawFloor(context, writers),
    ...(peer ? { peer } : {}),
  };
}

/**
 * What SQLite itself can do with the same rows, schema, indexes and pragmas (WAL, synchronous=FULL),
 * without the store around it: `rowsPerTransaction` rows per durable transaction, one after another.
 */
function rawInserts(file: string, rowsPerTransaction: number): Measured {
  const db = openDurableDatabase(file);
  createEventsSchema(db);
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, category, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let stream = '';
  let revision = STREAM_LENGTH;
  const insertRows = db.transaction(() => {
    for (let i = 0; i < rowsPerTransaction; i += 1) {
      if (revision >= STREAM_LENGTH) {
        stream = `permit-${newId()}`;
        revision = 0;
      }
      const e = permitEvent();
      const data = JSON.stringify(e.data);
      const metadata = JSON.stringify(e.metadata);
      insert.run(e.id, stream, revision, e.type, categoryOf(stream), data, metadata);
      revision += 1;
    }
  });
  try {
    return measureSync(() => {
      insertRows.immediate();
      return rowsPerTransaction;
    });
  } finally {
    db.close();
  }
}

/** The floor of an append figure: raw better-sqlite3 with the same rows, so many per transaction. */
function rawFloor(context: BenchContext, rowsPerTransaction: number): Floor {
  const measured = rawInserts(join(context.dir, `raw-b${rowsPerTransaction}.db`), rowsPerTransaction);
  context.log(`floor: ${measured.count} raw rows in ${measured.seconds.toFixed(2)} s`);
  return {
    what: `raw better-sqlite3, ${rowsPerTransaction} row${rowsPerTransaction === 1 ? '' : 's'} per durable transaction`,
    value: round(measured.count / measured.seconds),
    unit: 'events/s',
    rowsPerTransaction,
    transactionP50Ms: percentile(measured.latenciesMs, 50),
    transactionP99Ms: percentile(measured.latenciesMs, 99),
  };
}

async function baselineFigure(context: BenchContext): Promise<Figure> {
  const measured = rawInserts(join(context.dir, 'baseline.db'), BASELINE_TX_ROWS);
  context.log(`${measured.count} rows in ${measured.seconds.toFixed(2)} s`);
  return {
    name: BASELINE,
    value: round(measured.count / measured.seconds),
    unit: 'events/s',
    rowsPerTransaction: BASELINE_TX_ROWS,
    transactionP50Ms: percentile(measured.latenciesMs, 50),
    dataBytes: meanDataBytes,
    metadataBytes: meanMetadataBytes,
  };
}

// The baseline comes first so that the c50 figure can report its ratio to it, and each peer figure
// just before the figure it is the peer of. Each append figure's floor has its rows per transaction:
// one for one writer, and for 50 writers the 50 a group commit holds at most (issue 18).
export const eventStoreFigures: readonly BenchFigure[] = [
  { name: BASELINE, run: baselineFigure },
  emmettFigure(1),
  { name: 'append.sqlite.c1', goal: 0.7, run: (context) => appendFigure('append.sqlite.c1', 1, context) },
  emmettFigure(50),
  { name: 'append.sqlite.c50', goal: 0.8, run: (context) => appendFigure('append.sqlite.c50', 50, context) },
];
