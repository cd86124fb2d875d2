import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCheckpoint } from '../../signing/transparency/checkpoint.js';
import { hex8, parseVerifierKey } from '../../signing/transparency/note-verifier-key.js';
import { loadAppConfig } from '../config/app-config.js';
import { openEventStore, READ_MODELS_FILE } from '../event-store/open-event-store.js';
import { ReadOnlyFiles } from '../event-store/sqlite/read-only-files.js';
import { CheckpointLog, LEDGER_FILE } from '../ledger/checkpoint-log.js';
import { notTheLogsKey } from '../ledger/ledger-identity.js';
import { ledgerVerifierKey } from '../ledger/ledger-key.js';
import { StoredLeaves } from '../ledger/verify-ledger/stored-leaves.js';
import {
  type CheckpointToCheck,
  formatVerdict,
  verifyLedger,
} from '../ledger/verify-ledger/verify-ledger.js';

const USAGE =
  'Usage: npm run ledger:verify [-- --key <verifier key>] [--checkpoint <file>]...\n' +
  '  Reads the data directory of DAFTAR_DATA_DIR (or the EventStoreDB of its configuration) without\n' +
  "  locking it or writing to it (a stopped server's files are read from a private copy).\n" +
  '  --key         the verifier key; give it from a copy kept away from the data directory\n' +
  '                (default: the ledger key file the server signs with)\n' +
  "  --checkpoint  a signed checkpoint kept elsewhere (a witness's, npm run ledger:check's --state file):\n" +
  '                the log must still hold it, even if ledger.db lost it\n';

/**
 * Recomputes the ledger's tree from the event store and checks every kept checkpoint against it.
 * Exit status 0: everything holds, 1: a leaf or a checkpoint no longer holds, 2: it could not run.
 * Takes no lock: it only reads, so it may run beside the server.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { key: { type: 'string' }, checkpoint: { type: 'string', multiple: true } },
  });
  const config = loadAppConfig(process.env);
  const key = values.key ?? ledgerVerifierKey(config);
  if (key === undefined) throw new Error(`No ledger key in ${config.dataDir}: give --key <verifier key>`);
  const verifier = parseVerifierKey(key.trim());
  const kept = (values.checkpoint ?? []).map(readCheckpointFile);
  const files = new ReadOnlyFiles();
  const opened: { close(): unknown }[] = [files];
  try {
    const store = openEventStore(config, { readOnly: files });
    opened.unshift(store);
    const checkpoints = CheckpointLog.openReadOnly(files.path(join(config.dataDir, LEDGER_FILE)));
    if (checkpoints) opened.unshift(checkpoints);
    const storedTree = StoredLeaves.openReadOnly(files.path(join(config.dataDir, READ_MODELS_FILE)));
    if (storedTree) opened.unshift(storedTree);

    const first = checkpoints?.after(-1, 1)[0] ?? kept[0];
    const notTheLogs = first && notTheLogsKey(first.note, verifier);
    if (notTheLogs !== undefined) {
      throw new Error(`The key ${verifier.name}+${hex8(verifier.keyId)} is not this log's: ${notTheLogs}`);
    }
    const verdict = await verifyLedger({
      store,
      checkpoints: checkpoints?.all() ?? [],
      kept,
      // The server signs with a key named after the log, which keeps the origin it first signed.
      origin: verifier.name,
      verifier,
      ...(storedTree && { storedTree }),
    });
    (verdict.ok ? process.stdout : process.stderr).write(`${formatVerdict(verdict)}\n`);
    if (verdict.ok && verdict.checkpoints === 0) {
      process.stderr.write(
        'Warning: no signed checkpoint was checked, so nothing shows that the log is the one published: ' +
          'give --checkpoint <file> with one kept outside the data directory\n',
      );
    }
    return verdict.ok ? 0 : 1;
  } finally {
    for (const resource of opened) await resource.close();
  }
}

function readCheckpointFile(file: string): CheckpointToCheck {
  const note = readFileSync(file, 'utf8');
  try {
    return { size: parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1)).size, note, source: file };
  } catch (error) {
    throw new Error(`${file} is not a signed checkpoint: ${(error as Error).message}`);
  }
}

main().then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    process.stderr.write(
      `Could not run: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`,
    );
    process.exitCode = 2;
  },
);
