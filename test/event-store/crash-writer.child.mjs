// Spawned by sqlite-crash.int.spec.ts and killed with SIGKILL mid-run. Plain ESM JavaScript on purpose:
// it runs in plain Node, outside Jest's SWC transform, so it imports the compiled store from dist/.
//
//   node crash-writer.child.mjs <database file>
//
// Runs appenders until killed, and writes one JSON line per acknowledged append to stdout, with one
// writeSync each so that nothing acknowledged sits in a buffer when the process dies.
import { writeSync } from 'node:fs';
import { WrongExpectedRevision } from '../../dist/src/event-store/event-store.errors.js';
import { SqliteEventStore } from '../../dist/src/event-store/sqlite/sqlite-event-store.js';
import { newId } from '../../dist/src/shared/ids.js';

const OWN_STREAM_APPENDERS = 40;
const SHARED_STREAM_APPENDERS = 10;
const SHARED_STREAM = 'crash-shared';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: crash-writer.child.mjs <database file>\n');
  process.exit(2);
}
// Never outlive a test that failed before killing us.
setTimeout(() => process.exit(3), 60_000).unref();

const store = new SqliteEventStore(file);
const run = newId();

/** 2 or 3 events, each naming its append so the test can check that appends land whole or not at all. */
function newAppend(writer) {
  const appendId = newId();
  const count = 2 + (Math.floor(Math.random() * 1000) % 2);
  return Array.from({ length: count }, (_, index) => {
    const id = newId();
    return {
      id,
      type: 'CrashProbeRecorded',
      data: { appendId, index, count, run, writer, note: 'x'.repeat(200 + index * 50) },
      metadata: {
        actor: { id: `user-${writer}`, role: 'clerk', municipality: 'hamedan' },
        correlationId: appendId,
        causationId: appendId,
        recordedAt: new Date().toISOString(),
        schemaVersion: 1,
      },
    };
  });
}

function acknowledge(stream, events, result) {
  const last = result.nextExpectedRevision;
  const ack = {
    stream,
    fromRevision: String(last - BigInt(events.length - 1)),
    toRevision: String(last),
    ids: events.map((e) => e.id),
    position: result.position,
  };
  writeSync(1, `${JSON.stringify(ack)}\n`);
}

/** Each owns a stream and knows its revision, so every append expects exactly the last one. */
async function ownStreamAppender(writer) {
  const stream = `crash-${run}.${writer}`;
  let expectedRevision = 'no_stream';
  for (;;) {
    const events = newAppend(writer);
    const result = await store.append(stream, events, { expectedRevision });
    acknowledge(stream, events, result);
    expectedRevision = result.nextExpectedRevision;
  }
}

/** All race for one stream: read its revision, append expecting it, and on a conflict read again. */
async function sharedStreamAppender(writer) {
  for (;;) {
    const events = newAppend(writer);
    for (;;) {
      const [last] = await store.readStream(SHARED_STREAM, { direction: 'backwards', maxCount: 1 });
      const expectedRevision = last ? last.revision : 'no_stream';
      try {
        const result = await store.append(SHARED_STREAM, events, { expectedRevision });
        acknowledge(SHARED_STREAM, events, result);
        break;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision)) throw error;
      }
    }
  }
}

const appenders = [
  ...Array.from({ length: OWN_STREAM_APPENDERS }, (_, i) => ownStreamAppender(i)),
  ...Array.from({ length: SHARED_STREAM_APPENDERS }, (_, i) =>
    sharedStreamAppender(OWN_STREAM_APPENDERS + i),
  ),
];
try {
  await Promise.all(appenders);
} catch (error) {
  process.stderr.write(`crash writer failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
}
