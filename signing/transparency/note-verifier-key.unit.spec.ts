import { createPublicKey } from 'node:crypto';
import {
  noteKeyId,
  parseSignerKey,
  parseVerifierKey,
  rawPublicKey,
  signerKeyOf,
  verifierKeyOf,
} from './note-verifier-key.js';

// Published vectors of Go's golang.org/x/mod/sumdb/note (note_test.go, TestNewSigner and TestNewVerifier).
const PETER_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const SEED = Buffer.alloc(32, 7);

describe('signed-note Ed25519 keys', () => {
  it("derives Go's verifier key from Go's signer key", () => {
    const signer = parseSignerKey(PETER_SIGNER);

    expect(signer.name).toBe('PeterNeumann');
    expect(signer.keyId).toBe(0xc74f20a3);
    expect(verifierKeyOf(signer.name, createPublicKey(signer.privateKey))).toBe(PETER_VERIFIER);
  });

  it("reads Go's verifier key and writes it back byte for byte", () => {
    const verifier = parseVerifierKey(PETER_VERIFIER);

    expect(verifier).toMatchObject({ name: 'PeterNeumann', keyId: 0xc74f20a3 });
    expect(verifierKeyOf(verifier.name, verifier.publicKey)).toBe(PETER_VERIFIER);
    expect(verifierKeyOf(verifier.name, rawPublicKey(verifier.publicKey))).toBe(PETER_VERIFIER);
  });

  it('writes a signer key that reads back to the same key, from a KeyObject or a seed', () => {
    const fromSeed = signerKeyOf('example.org/daftar', SEED);
    const privateKey = parseSignerKey(fromSeed).privateKey;

    expect(signerKeyOf('example.org/daftar', privateKey)).toBe(fromSeed);
    expect(signerKeyOf('PeterNeumann', parseSignerKey(PETER_SIGNER).privateKey)).toBe(PETER_SIGNER);
  });

  it('computes the key id over the name, a newline, 0x01 and the public key', () => {
    const publicKey = parseVerifierKey(PETER_VERIFIER).publicKey;

    expect(noteKeyId('PeterNeumann', publicKey)).toBe(0xc74f20a3);
    expect(noteKeyId('PeterNeumanN', publicKey)).not.toBe(0xc74f20a3);
  });

  it.each([
    ['a truncated key', PETER_VERIFIER.slice(0, -1)],
    ['a key id that does not match', PETER_VERIFIER.replace('c74f20a3', 'c74f20a4')],
    ['an upper-case key id', PETER_VERIFIER.replace('c74f20a3', 'C74F20A3')],
    ['a changed key byte', PETER_VERIFIER.replace('ARpc', 'ARqc')],
    // Go's own refusals: a 33-byte key with its id adjusted, and an unknown algorithm with its id adjusted.
    [
      'a key of the wrong length',
      'PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==',
    ],
    ['an algorithm other than Ed25519', 'PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['a name with a space', 'Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['an empty name', '+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW'],
    ['non-canonical base64', `${PETER_VERIFIER.slice(0, -4)} ${PETER_VERIFIER.slice(-4)}`],
  ])('refuses a verifier key with %s', (_, text) => {
    expect(() => parseVerifierKey(text)).toThrow(expect.objectContaining({ code: 'NOTE.INVALID_KEY' }));
  });

  it("refuses every one-byte change of Go's keys, as Go's tests do", () => {
    const mangled = (key: string) =>
      [...key].map((c, i) => key.slice(0, i) + String.fromCharCode(c.charCodeAt(0) + 1) + key.slice(i + 1));

    for (const key of mangled(PETER_VERIFIER)) expect(() => parseVerifierKey(key)).toThrow();
    for (const key of mangled(PETER_SIGNER)) expect(() => parseSignerKey(key)).toThrow();
  });

  it('refuses names with spaces or "+", seeds of the wrong length, and keys other than Ed25519', () => {
    const publicKey = parseVerifierKey(PETER_VERIFIER).publicKey;

    expect(() => verifierKeyOf('a+b', publicKey)).toThrow(
      expect.objectContaining({ code: 'NOTE.INVALID_KEY' }),
    );
    expect(() => verifierKeyOf('a b', publicKey)).toThrow(
      expect.objectContaining({ code: 'NOTE.INVALID_KEY' }),
    );
    expect(() => signerKeyOf('a', SEED.subarray(1))).toThrow(
      expect.objectContaining({ code: 'NOTE.INVALID_KEY' }),
    );
    expect(() => verifierKeyOf('a', parseSignerKey(PETER_SIGNER).privateKey)).toThrow(
      expect.objectContaining({ code: 'NOTE.INVALID_KEY' }),
    );
  });
});
