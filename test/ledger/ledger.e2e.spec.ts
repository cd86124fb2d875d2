import { openCheckpoint, type Checkpoint } from '../../signing/transparency/checkpoint.js';
import { parseVerifierKey, type NoteVerifier } from '../../signing/transparency/note-verifier-key.js';
import { canonicalJson } from '../../signing/canonical-json.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { call, signIn } from '../support/http.js';
import { fromBase64, hashLeaf, rfcVerifyConsistency, rfcVerifyInclusion } from '../support/rfc9162.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

describe('the ledger over HTTP', () => {
  let t: TestApp;
  let verifier: NoteVerifier;

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    const key = await call(t.app, 'GET', '/.well-known/daftar/ledger-key');
    expect(key.headers['content-type']).toMatch(/^text\/plain/);
    verifier = parseVerifierKey(key.body);
  }, 60_000);
  afterAll(() => t.close());

  /** The latest signed checkpoint, once one of at least `size` leaves has been made. */
  async function checkpointOf(size: number): Promise<Checkpoint> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const res = await call(t.app, 'GET', '/ledger/checkpoint');
      if (res.statusCode === 200) {
        expect(res.headers['content-type']).toMatch(/^text\/plain/);
        const { checkpoint } = openCheckpoint(res.body, 'localhost:3000/daftar', [verifier]);
        if (checkpoint.size >= size) return checkpoint;
      }
      if (Date.now() > deadline) throw new Error(`no checkpoint of ${size} leaves: ${res.body}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('signs checkpoints that prove an event included, and the log only grown', async () => {
    const store = t.app.get<EventStore>(EVENT_STORE);
    const { events } = await store.readAll(undefined, { maxCount: 100_000 });
    const before = await checkpointOf(events.length);

    const event = events[Math.floor(events.length / 2)]!;
    const res = await call(t.app, 'GET', `/ledger/proof/inclusion?eventId=${event.id}&size=${before.size}`);
    expect(res.statusCode).toBe(200);
    const inclusion = res.json() as {
      leafIndex: number;
      treeSize: number;
      leafHash: string;
      proof: string[];
    };
    const { id, type, stream, revision, data, metadata } = event;
    const entry = canonicalJson({ id, type, stream, revision: String(revision), data, metadata });
    const leaf = hashLeaf(Buffer.from(entry, 'utf8'));
    expect(inclusion).toMatchObject({ leafIndex: events.indexOf(event), treeSize: before.size });
    expect(inclusion.leafHash).toBe(leaf.toString('base64'));
    const root = Buffer.from(before.rootHash);
    expect(
      rfcVerifyInclusion(inclusion.leafIndex, before.size, leaf, fromBase64(inclusion.proof), root),
    ).toBe(true);
    const tampered = fromBase64(inclusion.proof);
    tampered[0]![0]! ^= 1;
    expect(rfcVerifyInclusion(inclusion.leafIndex, before.size, leaf, tampered, root)).toBe(false);

    const admin = await signIn(t.app, 'admin', DEMO_PASSWORD);
    const created = await call(t.app, 'POST', '/municipalities', {
      token: admin,
      body: { code: 'tabriz', name: 'Tabriz', nameFa: 'تبریز', regions: [{ code: '1', name: 'Region 1' }] },
    });
    expect(created.statusCode).toBe(201);
    const after = await checkpointOf(before.size + 1);
    const consistency = await call(
      t.app,
      'GET',
      `/ledger/proof/consistency?from=${before.size}&to=${after.size}`,
    );
    expect(consistency.statusCode).toBe(200);
    const { proof } = consistency.json() as { proof: string[] };
    const newRoot = Buffer.from(after.rootHash);
    expect(rfcVerifyConsistency(before.size, after.size, fromBase64(proof), root, newRoot)).toBe(true);
    expect(rfcVerifyConsistency(before.size, after.size, fromBase64(proof), newRoot, newRoot)).toBe(false);

    const history = (await call(t.app, 'GET', `/ledger/checkpoints?after=${before.size - 1}`)).json() as {
      items: { size: number; note: string }[];
    };
    expect(history.items.map((c) => c.size)).toEqual(expect.arrayContaining([before.size, after.size]));
  }, 60_000);

  it.each([
    ['/ledger/proof/inclusion?index=0&size=999999', 'LEDGER.BEYOND_CHECKPOINT'],
    ['/ledger/proof/consistency?from=1&to=999999', 'LEDGER.BEYOND_CHECKPOINT'],
    ['/ledger/proof/consistency?from=3&to=2', 'LEDGER.INVALID_PROOF_REQUEST'],
    ['/ledger/proof/inclusion?size=1', 'LEDGER.INVALID_PROOF_REQUEST'],
    ['/ledger/proof/inclusion?index=-1', 'REQUEST.INVALID'],
    ['/ledger/proof/consistency?from=x&to=2', 'REQUEST.INVALID'],
  ])('refuses %s with 400 %s', async (url, code) => {
    await checkpointOf(1);
    const res = await call(t.app, 'GET', url);
    expect([res.statusCode, (res.json() as { code: string }).code]).toEqual([400, code]);
  });
});
