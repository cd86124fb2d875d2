import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeCertificate, verifyCertificateChain } from '../../../signing/certificates.js';
import { createTestCa, issueTestSigner } from '../../../test/support/test-pki.js';
import { ConfigError } from '../../config/app-config.js';
import { loadSigningKeys } from './signing-keys.js';

const now = new Date('2026-03-01T10:00:00Z');

describe('loadSigningKeys', () => {
  let dataDir: string;
  let messages: string[];
  const log = (message: string) => messages.push(message);

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'daftar-keys-'));
    messages = [];
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  describe('demo keys', () => {
    it('creates a CA and a signing key under <dataDir>/keys, private keys readable by the owner only', () => {
      const keys = loadSigningKeys({ production: false, dataDir }, log, now);
      const dir = join(dataDir, 'keys');
      expect(readdirSync(dir).sort()).toEqual([
        'document-ca.key.pem',
        'document-ca.pem',
        'document-signing.key.pem',
        'document-signing.pem',
      ]);
      const mode = (name: string) => statSync(join(dir, name)).mode & 0o777;
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(mode('document-ca.key.pem')).toBe(0o600);
      expect(mode('document-signing.key.pem')).toBe(0o600);
      expect(keys.active.keyId).toBe(describeCertificate(keys.active.certificatePem).keyId);
      expect(keys.certificates).toEqual([
        { keyId: keys.active.keyId, certificatePem: keys.active.certificatePem },
      ]);
      expect(verifyCertificateChain(keys.active.certificatePem, keys.ca.certificatePem, now)).toBe(true);
      expect(keys.active.privateKeyPem).toBe(readFileSync(join(dir, 'document-signing.key.pem'), 'utf8'));
    });

    it('reuses the keys on later starts and warns loudly each time, without key material', () => {
      const first = loadSigningKeys({ production: false, dataDir }, log, now);
      const second = loadSigningKeys({ production: false, dataDir }, log, new Date('2027-01-01T00:00:00Z'));
      expect(second).toEqual(first);
      expect(messages.filter((m) => m.includes('DEMO SIGNING KEYS'))).toHaveLength(2);
      expect(messages.join('\n')).toContain(first.active.keyId);
      expect(messages.join('\n')).not.toMatch(/BEGIN|PRIVATE KEY/);
    });

    it('refuses an incomplete demo key directory', () => {
      loadSigningKeys({ production: false, dataDir }, log, now);
      rmSync(join(dataDir, 'keys', 'document-signing.pem'));
      expect(() => loadSigningKeys({ production: false, dataDir }, log, now)).toThrow(/incomplete/);
    });

    it('refuses demo keys that are no longer valid, asking to delete them', () => {
      loadSigningKeys({ production: false, dataDir }, log, now);
      expect(() =>
        loadSigningKeys({ production: false, dataDir }, log, new Date('2032-01-01T00:00:00Z')),
      ).toThrow(/demo signing keys .* unusable .*delete the directory/);
    });
  });

  describe('configured keys', () => {
    const ca = createTestCa();
    const signer = issueTestSigner(ca);
    const older = issueTestSigner(ca, { notAfter: new Date('2026-01-01T00:00:00Z') });
    const foreign = issueTestSigner(createTestCa());
    let files: Record<string, string>;

    beforeEach(() => {
      files = {};
      const write = (name: string, pem: string) => {
        files[name] = join(dataDir, name);
        writeFileSync(files[name]!, pem);
      };
      write('signing.key.pem', signer.keyPair.privateKeyPem);
      write('signing.pem', signer.certificatePem);
      write('ca.pem', ca.certificatePem);
      write('older.pem', older.certificatePem);
      write('older.key.pem', older.keyPair.privateKeyPem);
      write('foreign.pem', foreign.certificatePem);
      write('foreign.key.pem', foreign.keyPair.privateKeyPem);
    });

    const production = (overrides: Record<string, unknown> = {}) => ({
      production: true,
      dataDir,
      signingKeyPath: files['signing.key.pem'],
      signingCertPath: files['signing.pem'],
      caCertPath: files['ca.pem'],
      ...overrides,
    });

    function configError(config: Parameters<typeof loadSigningKeys>[0]): ConfigError {
      try {
        loadSigningKeys(config, log, now);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return error as ConfigError;
      }
      throw new Error('expected a ConfigError');
    }

    it('loads the key, certificate, CA and older certificates still published', () => {
      const keys = loadSigningKeys(
        production({ extraSigningCertPaths: [files['older.pem'], files['signing.pem']] }),
        log,
        now,
      );
      expect(keys.ca.certificatePem).toBe(ca.certificatePem);
      expect(keys.active).toEqual({
        keyId: signer.keyId,
        privateKeyPem: signer.keyPair.privateKeyPem,
        certificatePem: signer.certificatePem,
      });
      expect(keys.certificates.map((c) => c.keyId)).toEqual([signer.keyId, older.keyId]);
      expect(existsSync(join(dataDir, 'keys'))).toBe(false);
      expect(messages.join('\n')).not.toMatch(/DEMO|PRIVATE KEY/);
    });

    it.each([
      [
        { signingKeyPath: undefined, signingCertPath: undefined, caCertPath: undefined },
        'DAFTAR_SIGNING_KEY',
      ],
      [{ signingKeyPath: undefined }, 'DAFTAR_SIGNING_KEY'],
      [{ signingCertPath: undefined }, 'DAFTAR_SIGNING_CERT'],
      [{ caCertPath: undefined }, 'DAFTAR_CA_CERT'],
    ])('refuses to start in production without %p, naming %s', (overrides, variable) => {
      expect(configError(production(overrides)).variable).toBe(variable);
      expect(existsSync(join(dataDir, 'keys'))).toBe(false);
    });

    it('refuses a partial configuration outside production too', () => {
      expect(configError(production({ production: false, caCertPath: undefined })).variable).toBe(
        'DAFTAR_CA_CERT',
      );
    });

    it('names the variable whose file is missing, wrong or does not match', () => {
      expect(configError(production({ signingKeyPath: join(dataDir, 'absent.pem') })).message).toMatch(
        /DAFTAR_SIGNING_KEY: cannot read .*absent\.pem: ENOENT/,
      );
      expect(configError(production({ signingKeyPath: files['foreign.key.pem'] })).variable).toBe(
        'DAFTAR_SIGNING_KEY',
      );
      expect(configError(production({ signingKeyPath: files['ca.pem'] })).variable).toBe(
        'DAFTAR_SIGNING_KEY',
      );
      expect(configError(production({ signingCertPath: files['signing.key.pem'] })).variable).toBe(
        'DAFTAR_SIGNING_CERT',
      );
      expect(
        configError(
          production({ signingKeyPath: files['foreign.key.pem'], signingCertPath: files['foreign.pem'] }),
        ).message,
      ).toMatch(/DAFTAR_SIGNING_CERT: is not issued by the CA/);
      expect(configError(production({ extraSigningCertPaths: [files['foreign.pem']] })).variable).toBe(
        'DAFTAR_SIGNING_EXTRA_CERTS',
      );
    });

    it('refuses an active certificate that has expired', () => {
      const expired = production({
        signingKeyPath: files['older.key.pem'],
        signingCertPath: files['older.pem'],
      });
      expect(configError(expired).message).toMatch(/DAFTAR_SIGNING_CERT: .*not valid at 2026-03-01/);
    });
  });
});
