import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeLedger } from '../../../test/support/fake-ledger.js';
import { CHECK_EXIT } from './ledger-api.js';
import { runLedgerCheck } from './run-ledger-check.js';

const ORIGIN = 'daftar.example/daftar';
const URL = ['--url', 'https://daftar.example'];

describe('npm run ledger:check, its arguments and state file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'daftar-check-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function run(ledger: FakeLedger, ...args: string[]) {
    let out = '';
    let err = '';
    const status = await runLedgerCheck(args, {
      fetch: ledger.fetch,
      out: (text) => (out += text),
      err: (text) => (err += text),
    });
    return { status, out, err };
  }

  it('saves the checkpoint on the first run and proves the log grew from it on the next', async () => {
    const state = join(dir, 'checkpoint.txt');
    const before = new FakeLedger({ origin: ORIGIN, leaves: 5 });
    const first = await run(before, ...URL, '--key', before.verifierKey, '--state', state);
    expect(first).toMatchObject({ status: CHECK_EXIT.ok, err: '' });
    expect(first.out).toContain(`Saved the checkpoint of 5 leaves to ${state}\nLedger check OK\n`);
    expect(readFileSync(state, 'utf8')).toBe(before.note());

    const after = new FakeLedger({ origin: ORIGIN, leaves: 9, signer: before.signer });
    const second = await run(after, ...URL, '--key', before.verifierKey, '--state', state);
    expect(second.out).toContain(
      'Consistent: the saved checkpoint (5 leaves) grew to the served checkpoint (9) unchanged',
    );
    expect(second.status).toBe(CHECK_EXIT.ok);
    expect(readFileSync(state, 'utf8')).toBe(after.note());
  });

  it('keeps the saved checkpoint, as evidence, when the log was rewritten', async () => {
    const state = join(dir, 'checkpoint.txt');
    const before = new FakeLedger({ origin: ORIGIN, leaves: 5 });
    writeFileSync(state, before.note());
    const forked = new FakeLedger({ origin: ORIGIN, leaves: 9, signer: before.signer, rewrittenLeaf: 0 });
    const keyFile = join(dir, 'key.txt');
    writeFileSync(keyFile, `${before.verifierKey}\n`);
    const { status, err } = await run(forked, ...URL, '--key-file', keyFile, '--state', state);
    expect(err).toMatch(/^The log was rewritten \(fork\)/);
    expect(status).toBe(CHECK_EXIT.failed);
    expect(readFileSync(state, 'utf8')).toBe(before.note());
  });

  it.each([
    [[], '--url is required'],
    [['--url', 'daftar.example'], '--url is an http(s) URL'],
    [[...URL, '--key', 'a', '--key-file', 'b'], 'give --key or --key-file, not both'],
    [[...URL, '--key-file', '/nonexistent/key.txt'], 'ENOENT'],
    [[...URL, '--frobnicate'], "Unknown option '--frobnicate'"],
  ])('refuses %j as wrong usage', async (args, message) => {
    const { status, err } = await run(new FakeLedger({ origin: ORIGIN, leaves: 1 }), ...args);
    expect(err).toContain(message);
    expect(err).toContain('Usage: npm run ledger:check');
    expect(status).toBe(CHECK_EXIT.unusable);
  });
});
