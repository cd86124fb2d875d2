import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCheckpoint, openCheckpoint } from '../../signing/transparency/checkpoint.js';
import {
  parseVerifierKey,
  verifierKeyOf,
  privateKeyFrom,
} from '../../signing/transparency/note-verifier-key.js';
import { createPublicKey } from 'node:crypto';
import { ledgerOrigin, loadLedgerSigner } from './ledger-key.js';

describe('the ledger key', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'daftar-ledger-key-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
  const demo = (publicUrl: string) =>
    loadLedgerSigner({ production: false, dataDir, ledgerKeyPath: undefined, publicUrl }, () => undefined);

  it('is made once outside production, owner-readable only, and named after the public host', () => {
    const signer = demo('https://daftar.example.ir:8443/');
    expect(signer.name).toBe('daftar.example.ir:8443/daftar');
    expect(statSync(join(dataDir, 'keys', 'ledger.key')).mode & 0o777).toBe(0o600);
    const again = demo('https://daftar.example.ir:8443');
    const verifier = parseVerifierKey(
      verifierKeyOf(again.name, createPublicKey(privateKeyFrom(again.privateKey))),
    );
    const note = signCheckpoint({ origin: signer.name, size: 0, rootHash: new Uint8Array(32) }, signer);
    expect(openCheckpoint(note, signer.name, [verifier]).checkpoint.size).toBe(0);
  });

  it('keeps the name it was made with when the public URL changes', () => {
    demo('http://localhost:39113');
    expect(demo('http://localhost:39114').name).toBe('localhost:39113/daftar');
  });

  it('is required in production', () => {
    expect(() =>
      loadLedgerSigner(
        { production: true, dataDir, ledgerKeyPath: undefined, publicUrl: 'https://x.example' },
        () => undefined,
      ),
    ).toThrow(/DAFTAR_LEDGER_KEY/);
  });

  it('refuses a file that is not a signer key, naming the variable', () => {
    const path = join(dataDir, 'ledger.key');
    writeFileSync(path, 'PRIVATE+KEY+not-a-key\n');
    expect(() =>
      loadLedgerSigner(
        { production: true, dataDir, ledgerKeyPath: path, publicUrl: 'https://x.example' },
        () => undefined,
      ),
    ).toThrow(/DAFTAR_LEDGER_KEY/);
  });

  it('names the log after the host of the public URL', () => {
    expect(ledgerOrigin('http://localhost:3000')).toBe('localhost:3000/daftar');
  });
});
