import { createHash } from 'node:crypto';
import { openCheckpoint, type Checkpoint } from '../../signing/transparency/checkpoint.js';
import { parseVerifierKey, type NoteVerifier } from '../../signing/transparency/note-verifier-key.js';
import { canonicalJson } from '../../signing/canonical-json.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

// RFC 9162 written out here, apart from the production code, so that a shared mistake cannot hide.
const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  parts.forEach((part) => hash.update(part));
  return hash.digest();
};
const hashChildren = (left: Uint8Array, right: Uint8Array) => sha256(Buffer.of(1), left, right);

/** §2.1.3.2, step by step. */
function rfcVerifyInclusion(
  index: number,
  size: number,
  leaf: Buffer,
  proof: Buffer[],
  root: Buffer,
): boolean {
  if (index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      r = hashChildren(r, p);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return sn === 0 && r.equals(root);
}

/** §2.1.4.2, step by step. */
function rfcVerifyConsistency(
  first: number,
  second: number,
  proof: Buffer[],
  firstRoot: Buffer,
  secondRoot: Buffer,
) {
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0 || first > second || proof.length === 0) return false;
  const path = (first & (first - 1)) === 0 ? [firstRoot, ...proof] : proof;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) [fn, sn] = [fn >> 1, sn >> 1];
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      sr = hashChildren(sr, c);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

const fromBase64 = (hashes: string[]) => hashes.map((h) => Buffer.from(h, 'base64'));

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
    const leaf = sha256(Buffer.of(0), Buffer.from(entry, 'utf8'));
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
