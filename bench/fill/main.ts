import { resolve } from 'node:path';
import { bytesUnder, fillStore } from './fill-store.js';
import { parseFillArgs } from './fill-args.js';

/** `npm run bench:fill -- --events 1000000 [--dir <data dir>] [--seed <n>]`: a province's store. */
const args = parseFillArgs(process.argv.slice(2), resolve(process.env['DAFTAR_DATA_DIR'] ?? './data'));
const result = await fillStore(args.dir, args, (line) => process.stderr.write(`${line}\n`));
const events = bytesUnder(resolve(args.dir, 'events.db'));
process.stdout.write(
  `${JSON.stringify({ ...result, dir: args.dir, eventsDbBytes: events, bytesPerEvent: Math.round(events / result.events) })}\n`,
);
process.stderr.write(
  `Filled ${args.dir} with ${result.events} events (${result.files} files) in ${result.seconds.toFixed(1)} s; start the server on it with DAFTAR_DATA_DIR=${args.dir}: it catches up its read models, ledger and audit log first\n`,
);
