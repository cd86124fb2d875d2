import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCa, issueTestSealer } from '../test/support/test-pki.js';
import { encodeSealV2, sealKeyFrom } from './seal-v2.js';

/** r ‖ s as the DER ECDSA-Sig-Value OpenSSL reads, written here from X9.62 rather than by our code. */
function derSignature(p1363: Buffer): Buffer {
  const integer = (half: Buffer) => {
    let bytes = half.subarray(half.findIndex((b) => b !== 0));
    if (bytes[0]! & 0x80) bytes = Buffer.concat([Uint8Array.of(0), bytes]);
    return Buffer.concat([Uint8Array.of(0x02, bytes.length), bytes]);
  };
  const body = Buffer.concat([integer(p1363.subarray(0, 32)), integer(p1363.subarray(32))]);
  return Buffer.concat([Uint8Array.of(0x30, body.length), body]);
}

describe('seals of format 2 checked by OpenSSL', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'daftar-seal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('verifies the ECDSA signature and the seal certificate’s chain to the CA', async () => {
    const ca = createTestCa();
    const sealer = await issueTestSealer(ca);
    const key = sealKeyFrom(sealer.privateKeyPem);
    const seal = Buffer.from(
      encodeSealV2(
        {
          code: '1234567000Z',
          kind: 'InquiryAnswer',
          result: 'blocked',
          issuedAt: new Date('2026-03-01T10:00:00Z'),
          municipality: 'hamedan',
          renewalCode: '1-1-1-1-0-0-0',
          holders: ['ز*** ا***', 'م*** ر***'],
          contentSha256: createHash('sha256').update('{}').digest('hex'),
          keyId: key.keyId,
        },
        key,
      ),
      'base64url',
    );
    const write = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);
    write('signed.bin', seal.subarray(0, -64));
    write('signature.der', derSignature(seal.subarray(-64)));
    write('pub.pem', createPublicKey(key.privateKey).export({ type: 'spki', format: 'pem' }));
    write('ca.pem', ca.certificatePem);
    write('seal.pem', sealer.certificatePem);
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    const verifySignature = () =>
      openssl('dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'signature.der', 'signed.bin');
    expect(verifySignature()).toContain('Verified OK');
    const issuedAt = String(Date.parse('2026-03-01T10:00:00Z') / 1000);
    expect(openssl('verify', '-attime', issuedAt, '-CAfile', 'ca.pem', 'seal.pem')).toContain('seal.pem: OK');

    write('signed.bin', Buffer.concat([seal.subarray(0, -65), Uint8Array.of(seal.at(-65)! ^ 1)]));
    expect(verifySignature).toThrow();
  });
});
