import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCertificateChain } from '../../../signing/certificates.js';
import { sealKeyFrom } from '../../../signing/seal-v2.js';
import {
  createTestCa,
  issueTestSealer,
  issueTestSigner,
  type TestSealer,
} from '../../../test/support/test-pki.js';
import { ConfigError } from '../../config/app-config.js';
import { generateSealKeyPair, loadSealKeys, type SealKeyConfig } from './seal-key.js';
import { loadSigningKeys } from './signing-keys.js';

const now = new Date('2026-03-01T10:00:00Z');

describe('loadSealKeys', () => {
  let dataDir: string;
  const log = () => {};
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'daftar-seal-keys-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('makes a P-256 demo seal key beside the demo signing keys, certified by the demo CA, and keeps it', async () => {
    const config = { production: false, dataDir };
    const ca = loadSigningKeys(config, log, now).ca.certificatePem;
    const seal = await loadSealKeys(config, ca, log, now);
    const certificate = new X509Certificate(seal.certificatePem);
    expect(certificate.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(verifyCertificateChain(seal.certificatePem, ca, now)).toBe(true);
    expect(statSync(join(dataDir, 'keys', 'document-seal.key.pem')).mode & 0o777).toBe(0o600);
    await expect(loadSealKeys(config, ca, log, now)).resolves.toEqual(seal);
  });

  describe('a demo seal key left half made', () => {
    const keys = () => join(dataDir, 'keys');
    const keyFile = () => join(keys(), 'document-seal.key.pem');
    const certificateFile = () => join(keys(), 'document-seal.pem');
    const lone = generateSealKeyPair().privateKeyPem;
    let foreignCertificate: string;
    beforeAll(async () => (foreignCertificate = (await issueTestSealer(createTestCa())).certificatePem));

    it.each<[string, () => void, (keyId: string) => void]>([
      [
        'only the key',
        () => writeFileSync(keyFile(), lone, { mode: 0o600 }),
        (keyId) => expect(keyId).toBe(sealKeyFrom(lone).keyId),
      ],
      ['only a certificate', () => writeFileSync(certificateFile(), foreignCertificate), () => {}],
      [
        'a key cut short, and a certificate of another key',
        () => {
          writeFileSync(keyFile(), lone.slice(0, 100), { mode: 0o600 });
          writeFileSync(certificateFile(), foreignCertificate);
        },
        () => {},
      ],
    ])('starts with %s, makes what is missing and leaves the CA alone', async (_name, leave, check) => {
      const config = { production: false, dataDir };
      const ca = loadSigningKeys(config, log, now).ca.certificatePem;
      const caFiles = () =>
        ['document-ca.pem', 'document-ca.key.pem'].map((f) => readFileSync(join(keys(), f)));
      const caBefore = caFiles();
      leave();
      const seal = await loadSealKeys(config, ca, log, now);
      check(seal.keyId);
      expect(verifyCertificateChain(seal.certificatePem, ca, now)).toBe(true);
      expect(readFileSync(keyFile(), 'utf8')).toBe(seal.privateKeyPem);
      expect(readFileSync(certificateFile(), 'utf8')).toBe(seal.certificatePem);
      expect(caFiles()).toEqual(caBefore);
      expect(readdirSync(keys()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      await expect(loadSealKeys(config, ca, log, now)).resolves.toEqual(seal);
    });

    it('makes one pair when two starts make it at once', async () => {
      const config = { production: false, dataDir };
      const ca = loadSigningKeys(config, log, now).ca.certificatePem;
      const [first, second] = await Promise.all([
        loadSealKeys(config, ca, log, now),
        loadSealKeys(config, ca, log, now),
      ]);
      expect(second).toEqual(first);
      await expect(loadSealKeys(config, ca, log, now)).resolves.toEqual(first);
    });
  });

  describe('configured keys', () => {
    const ca = createTestCa();
    const signer = issueTestSigner(ca);
    let sealer: TestSealer;
    let foreign: TestSealer;
    let files: Record<string, string>;

    beforeAll(async () => {
      sealer = await issueTestSealer(ca);
      foreign = await issueTestSealer(createTestCa());
    });
    beforeEach(() => {
      files = {};
      for (const [name, pem] of Object.entries({
        'seal.key.pem': sealer.privateKeyPem,
        'seal.pem': sealer.certificatePem,
        'foreign.key.pem': foreign.privateKeyPem,
        'foreign.pem': foreign.certificatePem,
        'rsa.key.pem': signer.keyPair.privateKeyPem,
      })) {
        files[name] = join(dataDir, name);
        writeFileSync(files[name]!, pem);
      }
    });

    const config = (overrides: Partial<SealKeyConfig> = {}): SealKeyConfig => ({
      production: true,
      dataDir,
      sealKeyPath: files['seal.key.pem'],
      sealCertPath: files['seal.pem'],
      ...overrides,
    });
    async function refusal(overrides: Partial<SealKeyConfig>): Promise<ConfigError> {
      const error: unknown = await loadSealKeys(config(overrides), ca.certificatePem, log, now).catch(
        (e) => e,
      );
      expect(error).toBeInstanceOf(ConfigError);
      return error as ConfigError;
    }

    it('loads the configured key and certificate', async () => {
      await expect(loadSealKeys(config(), ca.certificatePem, log, now)).resolves.toEqual({
        keyId: sealer.keyId,
        privateKeyPem: sealer.privateKeyPem,
        certificatePem: sealer.certificatePem,
      });
    });

    it('refuses production, or configured signing keys, without the seal files, and never makes demo ones', async () => {
      expect((await refusal({ sealKeyPath: undefined, sealCertPath: undefined })).variable).toBe(
        'DAFTAR_SEAL_KEY',
      );
      expect((await refusal({ sealCertPath: undefined })).variable).toBe('DAFTAR_SEAL_CERT');
      const signingOnly = {
        production: false,
        sealKeyPath: undefined,
        sealCertPath: undefined,
        caCertPath: 'ca.pem',
      };
      expect((await refusal(signingOnly)).variable).toBe('DAFTAR_SEAL_KEY');
    });

    it('refuses an RSA key, a key not of the certificate, and a certificate of another CA', async () => {
      expect((await refusal({ sealKeyPath: files['rsa.key.pem'] })).message).toMatch(
        /DAFTAR_SEAL_KEY: .*P-256/,
      );
      expect((await refusal({ sealKeyPath: files['foreign.key.pem'] })).message).toMatch(
        /DAFTAR_SEAL_KEY: is not the key of the certificate/,
      );
      const other = { sealKeyPath: files['foreign.key.pem'], sealCertPath: files['foreign.pem'] };
      expect((await refusal(other)).message).toMatch(/DAFTAR_SEAL_CERT: is not issued by the CA/);
      expect((await refusal({ sealCertPath: files['seal.key.pem'] })).variable).toBe('DAFTAR_SEAL_CERT');
    });
  });
});
