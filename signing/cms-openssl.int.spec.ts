import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { opensslCmsVerify } from '../test/support/openssl.js';
import { createTestCa, issueTestSigner } from '../test/support/test-pki.js';
import { canonicalJson } from './canonical-json.js';
import { signDetached } from './cms.js';

describe('CMS detached signatures checked by OpenSSL', () => {
  // OpenSSL checks the certificates against its clock, so the signer's validity follows the clock too.
  const now = new Date();
  const ca = createTestCa();
  const signer = issueTestSigner(ca, {
    notBefore: new Date(now.getTime() - 86_400_000),
    notAfter: new Date(now.getTime() + 86_400_000),
  });
  const content = new TextEncoder().encode(
    canonicalJson({ code: '1234567000Z', kind: 'BuildingPermit', holders: [{ name: 'مریم احمدی' }] }),
  );
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-cms-'));
    const signature = signDetached({
      content,
      certificatePem: signer.certificatePem,
      privateKeyPem: signer.keyPair.privateKeyPem,
      caCertificatePem: ca.certificatePem,
      signingTime: now,
    });
    writeFileSync(join(dir, 'signature.p7s'), signature);
    writeFileSync(join(dir, 'ca.pem'), ca.certificatePem);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const opensslVerify = () => opensslCmsVerify(dir);

  it('accepts the signature over the exact content', () => {
    writeFileSync(join(dir, 'content.json'), content);
    expect(opensslVerify).not.toThrow();
  });

  it('refuses content with one byte changed', () => {
    const changed = Uint8Array.from(content);
    changed[10]! ^= 0x01;
    writeFileSync(join(dir, 'content.json'), changed);
    expect(opensslVerify).toThrow(/Verification failure|digest failure/i);
  });
});
