import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signCheckpoint } from '../../signing/transparency/checkpoint.js';
import { parseSignerKey } from '../../signing/transparency/note-verifier-key.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { runLedgerCheck } from '../../src/ledger/check-ledger/run-ledger-check.js';
import { compiled } from '../support/compiled.js';
import { FakeLedger } from '../support/fake-ledger.js';
import { call, signIn } from '../support/http.js';
import { ledgerKey, signedCheckpoint } from '../support/ledger-http.js';
import { startTestApp, untilReady, untilSettled, type TestApp } from '../support/test-app.js';

// The app signs as its public URL, localhost:3000, while the test reaches it on another port.
const ORIGIN = 'localhost:3000/daftar';

/** The compiled script, as an auditor runs it. */
function scriptAt(url: string, ...args: string[]) {
  const script = compiled('dist/src/scripts/check-ledger.js');
  return promisify(execFile)(process.execPath, [script, '--url', url, '--origin', ORIGIN, ...args]).then(
    ({ stdout, stderr }) => ({ status: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ ...error, status: error.code }),
  );
}

describe('npm run ledger:check against a running deployment', () => {
  let t: TestApp;
  let url: string;
  let key: string;
  let store: EventStore;
  /** Each test keeps its own saved checkpoint: another test's would be a different starting point. */
  const stateFile = (name: string) => join(t.config.dataDir, `${name}.checkpoint.txt`);

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    key = await ledgerKey(t.app);
    store = t.app.get<EventStore>(EVENT_STORE);
    // The checks below need a checkpoint to fetch: the deployment has signed its first one.
    await signedCheckpoint(t.app, key, 1);
  }, 60_000);
  afterAll(() => t.close());

  const allEvents = async () => (await store.readAll(undefined, { maxCount: 100_000 })).events;

  /** The check run in-process, as the script runs it, through real HTTP. */
  async function check(...args: string[]) {
    let out = '';
    let err = '';
    const status = await runLedgerCheck(['--url', url, '--origin', ORIGIN, ...args], {
      fetch,
      out: (text) => (out += text),
      err: (text) => (err += text),
    });
    return { status, out, err };
  }

  const script = (...args: string[]) => scriptAt(url, ...args);

  it('checks the checkpoint, saves it, then proves the log grew and an event in it', async () => {
    const statePath = stateFile('grew');
    // Reactions to the demo data still appending would move the served checkpoint past `before`.
    await untilSettled(t.app);
    const before = await signedCheckpoint(t.app, key, (await allEvents()).length);
    const first = await script('--key', key, '--state', statePath);
    expect(first.stdout).toContain(
      `Checkpoint of ${ORIGIN}: ${before.size} leaves, root ${before.root.toString('base64')}`,
    );
    expect(first.stdout).toContain(`Saved the checkpoint of ${before.size} leaves`);
    expect(first).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(statePath, 'utf8')).toBe(before.note);

    const admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const created = await call(t.app, 'POST', '/municipalities', {
      token: admin,
      body: { code: 'tabriz', name: 'Tabriz', nameFa: 'تبریز', regions: [{ code: '1', name: 'Region 1' }] },
    });
    expect(created.statusCode).toBe(201);
    await untilSettled(t.app);
    const events = await allEvents();
    const after = await signedCheckpoint(t.app, key, events.length);
    const newest = events.at(-1)!;

    const second = await check('--key', key, '--state', statePath, '--event', newest.id);
    expect(second.out).toContain(
      `Consistent: the saved checkpoint (${before.size} leaves) grew to the served checkpoint (${after.size}) unchanged`,
    );
    expect(second.out).toContain(`Event ${newest.id}: leaf ${events.length - 1} (leaf hash`);
    expect(second).toMatchObject({ status: 0, err: '' });
    expect(readFileSync(statePath, 'utf8')).toBe(after.note);
  }, 60_000);

  it('warns when it trusts the served key on first use', async () => {
    const { status, err } = await check();
    expect(err).toContain(`trusting the verifier key the server serves, ${key.trim()}, on first use`);
    expect(status).toBe(0);
  });

  it('refuses the deployment’s checkpoint under a wrong pinned key', async () => {
    const other = new FakeLedger({ origin: ORIGIN, leaves: 1 });
    const { status, stderr } = await script('--key', other.verifierKey);
    expect(stderr).toBe('The served checkpoint does not verify: No known key signed the note\n');
    expect(status).toBe(1);
  }, 60_000);

  it('refuses a tampered state file: a root forged with another key, or a checkpoint of another log', async () => {
    const statePath = stateFile('tampered');
    const { size } = await signedCheckpoint(t.app, key, 1);
    const forger = { name: ORIGIN, privateKey: generateKeyPairSync('ed25519').privateKey };
    writeFileSync(statePath, signCheckpoint({ origin: ORIGIN, size, rootHash: new Uint8Array(32) }, forger));
    const forged = await check('--key', key, '--state', statePath);
    expect([forged.status, forged.err]).toEqual([
      1,
      'The saved checkpoint does not verify: No known key signed the note\n',
    ]);

    const signer = parseSignerKey(readFileSync(join(t.config.dataDir, 'keys', 'ledger.key'), 'utf8').trim());
    const elsewhere = signCheckpoint(
      { origin: 'elsewhere.example/daftar', size, rootHash: new Uint8Array(32) },
      signer,
    );
    writeFileSync(statePath, elsewhere);
    const other = await check('--key', key, '--state', statePath);
    expect(other.err).toContain('The checkpoint is of elsewhere.example/daftar, not localhost:3000/daftar');
    expect(other.status).toBe(1);
  });

  describe('against a server whose log was rewritten', () => {
    const honest = new FakeLedger({ origin: ORIGIN, leaves: 12 });

    it.each([
      [
        'shrank',
        { leaves: 9 },
        /the served checkpoint has 9 leaves, fewer than the 12 of the saved checkpoint/,
      ],
      [
        'changed an old event',
        { leaves: 15, rewrittenLeaf: 4 },
        /consistency proof from the saved checkpoint \(12 leaves\) to the served checkpoint \(15 leaves\) does not verify/,
      ],
      ['forges its proofs', { leaves: 15, tamperProofs: true }, /does not verify/],
    ])(
      'exits 1 naming a fork when it %s',
      async (name, change, why) => {
        const statePath = stateFile(name.replaceAll(' ', '-'));
        writeFileSync(statePath, honest.note());
        const server = await new FakeLedger({ origin: ORIGIN, signer: honest.signer, ...change }).serve();
        try {
          const { status, stderr } = await scriptAt(
            server.url,
            '--key',
            honest.verifierKey,
            '--state',
            statePath,
          );
          expect(stderr).toMatch(/^The log was rewritten \(fork\): /);
          expect(stderr).toMatch(why);
          expect(status).toBe(1);
          expect(readFileSync(statePath, 'utf8')).toBe(honest.note());
        } finally {
          await server.close();
        }
      },
      60_000,
    );
  });
});
