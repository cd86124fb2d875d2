import { FakeLedger } from '../../../test/support/fake-ledger.js';
import { checkLedger, type LedgerCheckRequest } from './check-ledger.js';
import { CHECK_EXIT, type Fetch, LedgerCheckFailure } from './ledger-api.js';

const URL = 'https://daftar.example';
const ORIGIN = 'daftar.example/daftar';

/** The exit status and message checkLedger stops with. */
async function failure(request: LedgerCheckRequest, fetch: Fetch): Promise<[number, string]> {
  const error = await checkLedger(request, fetch).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LedgerCheckFailure)) throw new Error(`expected a failure, got ${String(error)}`);
  return [error.exitStatus, error.message];
}

describe('checkLedger, against a stand-in deployment', () => {
  const log = new FakeLedger({ origin: ORIGIN, leaves: 20, documents: { 'P-1': 13, 'P-2': null } });
  const pinned = { url: URL, key: log.verifierKey };

  it('opens the latest checkpoint with the pinned key and names the log, its size and root', async () => {
    const report = await checkLedger(pinned, log.fetch);
    expect(report.lines).toEqual([
      expect.stringMatching(
        /^Checkpoint of daftar\.example\/daftar: 20 leaves, root [A-Za-z0-9+/]{43}=, signed by daftar\.example\/daftar\+[0-9a-f]{8}$/,
      ),
    ]);
    expect(report.warnings).toEqual([]);
    expect(report.state.note).toBe(log.note());
  });

  it('without a pinned key, trusts the served one on first use and says so', async () => {
    const report = await checkLedger({ url: URL }, log.fetch);
    expect(report.warnings).toEqual([
      expect.stringContaining(
        `trusting the verifier key the server serves, ${log.verifierKey}, on first use`,
      ),
    ]);
  });

  it('refuses a checkpoint that the pinned key did not sign, or of another log', async () => {
    const other = new FakeLedger({ origin: ORIGIN, leaves: 1 });
    expect(await failure({ url: URL, key: other.verifierKey }, log.fetch)).toEqual([
      CHECK_EXIT.failed,
      'The served checkpoint does not verify: No known key signed the note',
    ]);
    expect(await failure({ ...pinned, url: 'https://mirror.example' }, log.fetch)).toEqual([
      CHECK_EXIT.failed,
      `The served checkpoint does not verify: The checkpoint is of ${ORIGIN}, not mirror.example/daftar`,
    ]);
    await expect(
      checkLedger({ ...pinned, url: 'https://mirror.example', origin: ORIGIN }, log.fetch),
    ).resolves.toBeDefined();
  });

  it('refuses a malformed pinned key as wrong usage', async () => {
    const [status, message] = await failure({ url: URL, key: 'daftar.example+1234' }, log.fetch);
    expect([status, message]).toEqual([
      CHECK_EXIT.unusable,
      expect.stringMatching(/^--key: Not a signed-note Ed25519 key/),
    ]);
  });

  it('proves the log grew from the saved checkpoint, or is the same', async () => {
    const grown = await checkLedger({ ...pinned, state: log.note(7) }, log.fetch);
    expect(grown.lines[1]).toBe(
      'Consistent: the saved checkpoint (7 leaves) grew to the served checkpoint (20) unchanged',
    );
    const same = await checkLedger({ ...pinned, state: log.note() }, log.fetch);
    expect(same.lines[1]).toBe(
      'Consistent: the saved checkpoint and the served checkpoint are the same tree of 20 leaves',
    );
  });

  it.each([
    [
      'a leaf before the saved size was changed',
      { rewrittenLeaf: 3 },
      7,
      /the consistency proof from the saved checkpoint \(7 leaves\) to the served checkpoint \(20 leaves\) does not verify/,
    ],
    ['the proof is forged', { tamperProofs: true }, 7, /the consistency proof .* does not verify/],
    [
      'the log shrank',
      { leaves: 5 },
      7,
      /the served checkpoint has 5 leaves, fewer than the 7 of the saved checkpoint/,
    ],
    [
      'a tree of the same size has another root',
      { leaves: 7, rewrittenLeaf: 6 },
      7,
      /both have 7 leaves, but different roots/,
    ],
  ])('calls it a fork when %s', async (_, change, savedSize, why) => {
    const forked = new FakeLedger({ origin: ORIGIN, leaves: 20, signer: log.signer, ...change });
    const [status, message] = await failure({ ...pinned, state: log.note(savedSize) }, forked.fetch);
    expect(status).toBe(CHECK_EXIT.failed);
    expect(message).toMatch(/^The log was rewritten \(fork\): /);
    expect(message).toMatch(why);
    expect(message).toContain(log.note(savedSize));
  });

  it('refuses a saved checkpoint that the key did not sign or that is of another log', async () => {
    const impostor = new FakeLedger({ origin: ORIGIN, leaves: 20 });
    expect(await failure({ ...pinned, state: impostor.note(7) }, log.fetch)).toEqual([
      CHECK_EXIT.failed,
      'The saved checkpoint does not verify: No known key signed the note',
    ]);
    const elsewhere = new FakeLedger({ origin: 'elsewhere.example/daftar', leaves: 7, signer: log.signer });
    expect((await failure({ ...pinned, state: elsewhere.note() }, log.fetch))[1]).toBe(
      `The saved checkpoint does not verify: The checkpoint is of elsewhere.example/daftar, not ${ORIGIN}`,
    );
  });

  it('proves an event a leaf of the signed tree', async () => {
    const report = await checkLedger({ ...pinned, eventId: 'event-11' }, log.fetch);
    expect(report.lines[1]).toMatch(
      /^Event event-11: leaf 11 \(leaf hash [A-Za-z0-9+/]{43}=\) is in the signed tree of 20 leaves$/,
    );
  });

  it('refuses a forged inclusion proof, an unknown event, and says when to try again', async () => {
    const forged = new FakeLedger({ origin: ORIGIN, leaves: 20, signer: log.signer, tamperProofs: true });
    expect(await failure({ ...pinned, eventId: 'event-11' }, forged.fetch)).toEqual([
      CHECK_EXIT.failed,
      'The inclusion proof of leaf 11 does not verify against the signed root',
    ]);
    const otherSize: Fetch = (url) => log.fetch(url.replace('size=20', 'size=19'));
    expect(await failure({ ...pinned, eventId: 'event-11' }, otherSize)).toEqual([
      CHECK_EXIT.failed,
      'The inclusion proof is for 19 leaves, the checkpoint has 20',
    ]);
    const notYet: Fetch = (url) => log.fetch(url.replace('size=20', 'size=5'));
    expect(await failure({ ...pinned, eventId: 'event-11' }, notYet)).toEqual([
      CHECK_EXIT.notYetSigned,
      'Event event-11 is not in the signed tree of 20 leaves yet: try again shortly',
    ]);
    expect(await failure({ ...pinned, eventId: 'event-99' }, log.fetch)).toEqual([
      CHECK_EXIT.failed,
      'The ledger has no leaf for event event-99 (if it was written just now, try again shortly)',
    ]);
    const empty = new FakeLedger({ origin: ORIGIN, leaves: 0 });
    expect(await failure({ url: URL, key: empty.verifierKey }, empty.fetch)).toEqual([
      CHECK_EXIT.notYetSigned,
      'No checkpoint has been signed yet: try again shortly',
    ]);
  });

  it('proves a document’s issue in its checkpoint, consistent with the latest and the saved one', async () => {
    const report = await checkLedger({ ...pinned, document: 'P-1', state: log.note(4) }, log.fetch);
    expect(report.lines.slice(2)).toEqual([
      expect.stringMatching(
        /^Document P-1 \(BuildingPermit, valid\): leaf 13 \(leaf hash .*\) is in the signed tree of 20 leaves$/,
      ),
      'Consistent: the served checkpoint and the document’s checkpoint are the same tree of 20 leaves',
      'Consistent: the saved checkpoint (4 leaves) grew to the document’s checkpoint (20) unchanged',
    ]);
  });

  it('refuses a document not yet signed (try again), unknown, or proven in a forked tree', async () => {
    expect(await failure({ ...pinned, document: 'P-2' }, log.fetch)).toEqual([
      CHECK_EXIT.notYetSigned,
      'Document P-2 is not in a signed checkpoint yet (NOT_YET_SIGNED): try again shortly',
    ]);
    expect(await failure({ ...pinned, document: 'P-3' }, log.fetch)).toEqual([
      CHECK_EXIT.failed,
      `${URL} knows no document P-3`,
    ]);
    const forked = new FakeLedger({
      origin: ORIGIN,
      leaves: 20,
      signer: log.signer,
      rewrittenLeaf: 2,
      documents: { 'P-1': 13 },
    });
    const splitView: Fetch = (url) => (url.includes('/v/') ? forked.fetch(url) : log.fetch(url));
    expect((await failure({ ...pinned, document: 'P-1' }, splitView))[1]).toMatch(
      /^The log was rewritten \(fork\): the served checkpoint and the document’s checkpoint both have 20 leaves, but different roots/,
    );
  });

  it('stops with status 2 when the deployment cannot be reached or answers an error', async () => {
    const down: Fetch = () =>
      Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }));
    expect(await failure(pinned, down)).toEqual([
      CHECK_EXIT.unusable,
      `Could not GET ${URL}/ledger/checkpoint: fetch failed: connect ECONNREFUSED`,
    ]);
    const broken: Fetch = () =>
      Promise.resolve(new Response('{"code":"INTERNAL","detail":"oops"}', { status: 500 }));
    expect(await failure(pinned, broken)).toEqual([
      CHECK_EXIT.unusable,
      expect.stringContaining('answered 500: INTERNAL oops'),
    ]);
  });

  it('refuses a served key it cannot parse', async () => {
    const fetch: Fetch = (url) =>
      url.endsWith('/ledger-key') ? Promise.resolve(new Response('not a key\n')) : log.fetch(url);
    expect(await failure({ url: URL }, fetch)).toEqual([
      CHECK_EXIT.failed,
      expect.stringMatching(/^The served verifier key is not a signed-note key: /),
    ]);
  });
});
