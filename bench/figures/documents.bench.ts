import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { canonicalJson } from '../../signing/canonical-json.js';
import { documentCodeFrom } from '../../signing/document-code.js';
import { DocumentSigner } from '../../src/documents/document-signer.js';
import type { DocumentContent } from '../../src/documents/document.events.js';
import { loadSealKeys } from '../../src/documents/signing-keys/seal-key.js';
import { loadSigningKeys } from '../../src/documents/signing-keys/signing-keys.js';
import { measureLoops, percentile, round, type BenchFigure, type Floor } from '../figure.js';

/** A permit's content, about the size the permit feature issues. */
function samplePermit(n: number): DocumentContent {
  return {
    code: documentCodeFrom(Buffer.from(`bench-${n}`)),
    kind: 'BuildingPermit',
    municipality: 'hamedan',
    issuedAt: new Date(Date.UTC(2026, 10, 25, 10, 0, n % 60)).toISOString(),
    renewalCode: '1-1-1-1-0-0-0',
    holders: [{ nationalId: '0013542419', name: 'زهرا احمدی' }],
    body: {
      permitId: `0193a0b2-0000-7000-8000-${String(n).padStart(12, '0')}`,
      applicationType: 'NewConstruction',
      floors: 4,
      use: 'residential',
      units: 8,
      limits: { maxFloors: 4, maxDensityPct: 180, maxOccupancyPct: 60, allowedUses: ['residential'] },
      fees: [{ code: 'PERMIT_FEE', amount: 123_000_000 }],
    },
  };
}

/** `sign.document`: canonical JSON, the CMS signature and the QR seal of one document, in ms (p50). */
const signDocument: BenchFigure = {
  name: 'sign.document',
  async run(context) {
    const config = { production: false, dataDir: context.dir, extraSigningCertPaths: [] };
    const keys = loadSigningKeys(config, () => {});
    const sealKeys = await loadSealKeys(config, keys.ca.certificatePem, () => {});
    const signer = new DocumentSigner(keys, sealKeys);
    let n = 0;
    // One document at a time: the latency of one signing, its RSA and ECDSA operations side by side.
    const measured = await measureLoops(1, async () => {
      await signer.sign(samplePermit((n += 1)));
      return 1;
    });
    const floor = await rawSignatures(
      Buffer.from(canonicalJson(samplePermit(0)), 'utf8'),
      createPrivateKey(keys.active.privateKeyPem),
      createPrivateKey(sealKeys.privateKeyPem),
    );
    return {
      name: 'sign.document',
      value: percentile(measured.latenciesMs, 50),
      unit: 'ms',
      p99Ms: percentile(measured.latenciesMs, 99),
      documentsPerSecond: round(measured.count / measured.seconds),
      floor,
    };
  },
};

/**
 * The floor of `sign.document`: raw `node:crypto` doing the same two signatures of one document, the
 * same way (SHA-256 of the content, RSA-2048 on libuv's pool while ECDSA P-256 runs here), without
 * canonical JSON, ASN.1 or the seal's encoding.
 */
async function rawSignatures(content: Buffer, rsaKey: KeyObject, sealKey: KeyObject): Promise<Floor> {
  const measured = await measureLoops(1, async () => {
    const digest = createHash('sha256').update(content).digest();
    const rsa = new Promise<Buffer>((resolve, reject) =>
      sign('sha256', digest, rsaKey, (error, signature) => (error ? reject(error) : resolve(signature))),
    );
    sign('sha256', digest, { key: sealKey, dsaEncoding: 'ieee-p1363' });
    await rsa;
    return 1;
  });
  return {
    what: 'raw node:crypto: SHA-256, RSA-2048 on the pool beside ECDSA P-256',
    value: percentile(measured.latenciesMs, 50),
    unit: 'ms',
    p99Ms: percentile(measured.latenciesMs, 99),
    documentsPerSecond: round(measured.count / measured.seconds),
  };
}

export const documentFigures: readonly BenchFigure[] = [signDocument];
