import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkLedger, type LedgerCheckRequest } from './check-ledger.js';
import { CHECK_EXIT, type CheckExit, type Fetch, LedgerCheckFailure } from './ledger-api.js';

export const CHECK_USAGE =
  'Usage: npm run ledger:check -- --url <public URL> [--key <verifier key> | --key-file <file>]\n' +
  '         [--state <file>] [--event <event id>] [--document <code>] [--origin <origin>]\n' +
  '  --key, --key-file  the verifier key published by the municipality (else the served one, trusted on first use)\n' +
  '  --state            a file keeping the last checkpoint seen: proves the log only grew since, then updates it\n' +
  '  --event            proves that event is a leaf of the signed tree\n' +
  '  --document         proves that the issue of the document with this code is a leaf of the signed tree\n' +
  '  --origin           the log name in checkpoints, when not <host of the URL>/daftar (a mirror, a tunnel)\n' +
  'Exit status 0: all holds, 1: something does not hold (a fork, a bad signature or proof),\n' +
  '  2: wrong usage or no answer, 3: not signed yet, try again shortly\n';

export interface CheckIo {
  readonly fetch: Fetch;
  out(text: string): void;
  err(text: string): void;
}

/** `npm run ledger:check`: the arguments and files around checkLedger; answers the exit status. */
export async function runLedgerCheck(args: readonly string[], io: CheckIo): Promise<CheckExit> {
  let request: LedgerCheckRequest;
  let statePath: string | undefined;
  try {
    ({ request, statePath } = requestOf(args));
  } catch (error) {
    io.err(`${(error as Error).message}\n${CHECK_USAGE}`);
    return CHECK_EXIT.unusable;
  }
  try {
    const report = await checkLedger(request, io.fetch);
    report.warnings.forEach((warning) => io.err(`${warning}\n`));
    report.lines.forEach((line) => io.out(`${line}\n`));
    if (statePath !== undefined) {
      // A rename, so that a crash never leaves half a checkpoint to compare with next time.
      writeFileSync(`${statePath}.tmp`, report.state.note);
      renameSync(`${statePath}.tmp`, statePath);
      io.out(`Saved the checkpoint of ${report.state.size} leaves to ${statePath}\n`);
    }
    io.out('Ledger check OK\n');
    return CHECK_EXIT.ok;
  } catch (error) {
    if (!(error instanceof LedgerCheckFailure)) throw error;
    io.err(`${error.message}\n`);
    return error.exitStatus;
  }
}

function requestOf(args: readonly string[]): { request: LedgerCheckRequest; statePath?: string } {
  const { values } = parseArgs({
    args: [...args],
    options: {
      url: { type: 'string' },
      key: { type: 'string' },
      'key-file': { type: 'string' },
      state: { type: 'string' },
      event: { type: 'string' },
      document: { type: 'string' },
      origin: { type: 'string' },
    },
  });
  if (values.url === undefined) throw new Error('--url is required');
  if (!/^https?:\/\//.test(values.url)) throw new Error('--url is an http(s) URL');
  if (values.key !== undefined && values['key-file'] !== undefined) {
    throw new Error('give --key or --key-file, not both');
  }
  const key = values['key-file'] === undefined ? values.key : readFileSync(values['key-file'], 'utf8');
  const state = values.state === undefined ? undefined : readState(values.state);
  return {
    request: {
      url: values.url,
      ...(key !== undefined && { key }),
      ...(state !== undefined && { state }),
      ...(values.event !== undefined && { eventId: values.event }),
      ...(values.document !== undefined && { document: values.document }),
      ...(values.origin !== undefined && { origin: values.origin }),
    },
    ...(values.state !== undefined && { statePath: values.state }),
  };
}

/** The saved checkpoint; none on the first run, when the file does not exist yet or is empty. */
function readState(path: string): string | undefined {
  try {
    const note = readFileSync(path, 'utf8');
    return note === '' ? undefined : note;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
