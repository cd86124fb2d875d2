import { runLedgerCheck } from '../ledger/check-ledger/run-ledger-check.js';

/** Checks a Daftar deployment's ledger from outside, through its public HTTP API only. */
runLedgerCheck(process.argv.slice(2), {
  fetch,
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (status) => (process.exitCode = status),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
