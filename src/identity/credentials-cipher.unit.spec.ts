import { CredentialsCipher, isSealed, newKeyLine } from './credentials-cipher.js';

const hash = 'scrypt$131072$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA';

describe('CredentialsCipher', () => {
  const first = newKeyLine();
  const second = newKeyLine();

  it('seals under the newest key, naming it, and opens what it sealed', () => {
    const cipher = CredentialsCipher.parse(`# rotated yearly\n${first}\n${second}\n`);
    const sealed = cipher.seal(hash);
    expect(sealed).toMatch(/^enc:v1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+:[A-Za-z0-9_-]{22}$/);
    expect(sealed.split(':')[2]).toBe(second.split(':')[0]);
    expect(sealed).not.toContain('scrypt');
    expect(isSealed(sealed)).toBe(true);
    expect(cipher.open(sealed)).toBe(hash);
    expect(cipher.seal(hash)).not.toBe(sealed);
  });

  it('opens values sealed with an older key after a rotation, and tells them apart', () => {
    const before = CredentialsCipher.parse(first);
    const after = CredentialsCipher.parse(`${first}\n${second}`);
    const old = before.seal(hash);
    expect(after.open(old)).toBe(hash);
    expect(after.sealedWithCurrentKey(old)).toBe(false);
    expect(after.sealedWithCurrentKey(after.seal(hash))).toBe(true);
  });

  it('opens nothing with a wrong key, an altered value, another key id, or a plain value', () => {
    const sealed = CredentialsCipher.parse(first).seal(hash);
    const [id] = first.split(':');
    const impostor = CredentialsCipher.parse(`${id}:${second.split(':')[1]}`);
    expect(impostor.open(sealed)).toBeUndefined();
    const parts = sealed.split(':');
    const flipped = parts[4]!.startsWith('A') ? `B${parts[4]!.slice(1)}` : `A${parts[4]!.slice(1)}`;
    const cipher = CredentialsCipher.parse(first);
    expect(cipher.open([...parts.slice(0, 4), flipped, parts[5]].join(':'))).toBeUndefined();
    expect(CredentialsCipher.parse(second).open(sealed)).toBeUndefined();
    expect(cipher.open(hash)).toBeUndefined();
    expect(cipher.open('enc:v1:nonsense')).toBeUndefined();
  });

  it.each([
    ['no key', '# nothing here\n'],
    ['a short key', 'k1:c2hvcnQ'],
    ['a colon in the id', 'a:b:c2hvcnQ'],
    ['a repeated id', `k1:${'A'.repeat(43)}\nk1:${'B'.repeat(43)}`],
  ])('refuses a key file with %s', (_why, text) => {
    expect(() => CredentialsCipher.parse(text)).toThrow();
  });
});
