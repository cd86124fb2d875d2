import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../signing/canonical-json.js';
import { runDemo } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { documentStream } from '../../src/documents/document.events.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { runLedgerCheck } from '../../src/ledger/check-ledger/run-ledger-check.js';
import { call } from '../support/http.js';
import { ledgerKey, signedCheckpoint } from '../support/ledger-http.js';
import {
  fromBase64,
  hashLeaf,
  openNote,
  rfcVerifyConsistency,
  rfcVerifyInclusion,
} from '../support/rfc9162.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

interface Verification {
  readonly contentSha256: string;
  readonly ledger: {
    readonly leafIndex: number;
    readonly treeSize: number;
    readonly leafHash: string;
    readonly inclusionProof: string[];
    readonly checkpoint: string;
  } | null;
}

describe('the ledger after npm run demo', () => {
  let t: TestApp;
  let url: string;
  let store: EventStore;

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    store = t.app.get<EventStore>(EVENT_STORE);
  }, 60_000);
  afterAll(() => t.close());

  const allEvents = async () => (await store.readAll(undefined, { maxCount: 100_000 })).events;

  it('proves the permit document’s issue in a signed checkpoint that grew consistently from the one before', async () => {
    const key = await ledgerKey(t.app);
    const before = await signedCheckpoint(t.app, key, (await allEvents()).length);

    const { renewedPermitDocument: permitDocument } = await runDemo(
      url,
      () => {},
      join(t.config.dataDir, 'outbox', 'sms.jsonl'),
    );

    const [issued] = await store.readStream(documentStream(permitDocument));
    expect(issued).toMatchObject({ type: 'DocumentIssued', data: { code: permitDocument } });
    const leafIndex = (await allEvents()).findIndex((event) => event.id === issued!.id);
    await signedCheckpoint(t.app, key, leafIndex + 1);
    const res = await call(t.app, 'GET', `/v/${encodeURIComponent(permitDocument)}`);
    expect(res.statusCode).toBe(200);
    const { ledger, contentSha256 } = res.json() as Verification;
    expect(contentSha256).toBe((issued!.data as { contentSha256: string }).contentSha256);

    const after = openNote(ledger!.checkpoint, key);
    expect(after.origin).toBe('localhost:3000/daftar');
    expect(ledger).toMatchObject({ leafIndex, treeSize: after.size });
    const { id, type, stream, revision, data, metadata } = issued!;
    const entry = canonicalJson({ id, type, stream, revision: String(revision), data, metadata });
    const leaf = hashLeaf(Buffer.from(entry, 'utf8'));
    expect(ledger!.leafHash).toBe(leaf.toString('base64'));
    const proof = fromBase64(ledger!.inclusionProof);
    expect(rfcVerifyInclusion(leafIndex, after.size, leaf, proof, after.root)).toBe(true);
    expect(rfcVerifyInclusion(leafIndex, after.size, leaf, proof, before.root)).toBe(false);

    expect(after.size).toBeGreaterThan(before.size);
    const consistency = await call(
      t.app,
      'GET',
      `/ledger/proof/consistency?from=${before.size}&to=${after.size}`,
    );
    expect(consistency.statusCode).toBe(200);
    const path = fromBase64((consistency.json() as { proof: string[] }).proof);
    expect(rfcVerifyConsistency(before.size, after.size, path, before.root, after.root)).toBe(true);

    // And as a third party checks it, from the checkpoint it saved before the demo.
    const state = join(t.config.dataDir, 'checkpoint.txt');
    writeFileSync(state, before.note);
    let out = '';
    const args = ['--url', url, '--origin', after.origin, '--key', key, '--state', state];
    const status = await runLedgerCheck([...args, '--document', permitDocument], {
      fetch,
      out: (text) => (out += text),
      err: (text) => (out += text),
    });
    expect(out).toContain(`Document ${permitDocument} (BuildingPermit, valid): leaf ${leafIndex} (leaf hash`);
    expect(out).toContain(`Consistent: the saved checkpoint (${before.size} leaves) grew to the document’s`);
    expect(status).toBe(0);
  }, 120_000);
});
