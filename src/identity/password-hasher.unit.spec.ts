import {
  hashPassword,
  needsRehash,
  passwordProblem,
  verifyAgainstDummy,
  verifyPassword,
} from './password-hasher.js';

// Each scrypt call costs some 0.4 s and 128 MiB, so the tests share two hashes.
describe('password hashing', () => {
  const password = 'correct horse battery staple';
  let first: string;
  let second: string;

  beforeAll(async () => {
    [first, second] = await Promise.all([hashPassword(password), hashPassword(password)]);
  });

  it('stores the parameters, salt and hash in one string', () => {
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(needsRehash(first)).toBe(false);
  });

  it('verifies the password it hashed and refuses another', async () => {
    await expect(verifyPassword(password, first)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stable', first)).resolves.toBe(false);
  });

  it('salts each hash differently', () => {
    expect(second).not.toBe(first);
    expect(second.split('$')[4]).not.toBe(first.split('$')[4]);
  });

  it('treats a composed and a decomposed password as the same', async () => {
    const composed = 'caf\u00e9-password';
    const hash = await hashPassword(composed);
    await expect(verifyPassword('cafe\u0301-password', hash)).resolves.toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', '$2b$10$abcdefghijklmnopqrstuv'],
    ['missing a part', 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA'],
    ['a non-numeric parameter', 'scrypt$many$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA'],
    ['N not a power of two', 'scrypt$30000$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA'],
    ['N far too large', 'scrypt$2097152$8$1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a salt outside the alphabet', 'scrypt$32768$8$1$c2FsdHNh*bHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA'],
    ['a short salt', 'scrypt$32768$8$1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA'],
    ['an empty hash', 'scrypt$32768$8$1$c2FsdHNhbHRzYWx0c2FsdA$'],
  ])('answers false, without throwing, for a malformed stored value (%s)', async (_why, stored) => {
    await expect(verifyPassword(password, stored)).resolves.toBe(false);
    expect(needsRehash(stored)).toBe(true);
  });

  it('asks to rehash a hash made with weaker parameters', () => {
    const weaker = first.replace(/^scrypt\$131072\$/, 'scrypt$32768$');
    expect(needsRehash(weaker)).toBe(true);
  });

  it('answers false after the same work for an unknown user', async () => {
    await expect(verifyAgainstDummy(password)).resolves.toBe(false);
  });
});

describe('passwordProblem', () => {
  it.each([
    ['too short', 'abc123xyz', /at least 10/],
    ['too long', 'ab'.repeat(129), /at most 256/],
    ['one repeated character', 'aaaaaaaaaaaa', /single character/],
    ['one repeated Persian character', 'س'.repeat(12), /single character/],
  ])('refuses a password that is %s', (_why, candidate, message) => {
    expect(passwordProblem(candidate)).toMatch(message);
  });

  it.each([
    ['exactly 10 characters', 'abcdefghij'],
    ['exactly 256 characters', 'ab'.repeat(128)],
    ['Persian', 'رمز عبور امن من'],
    ['two distinct characters', 'abababababab'],
  ])('accepts a password of %s', (_why, candidate) => {
    expect(passwordProblem(candidate)).toBeUndefined();
  });

  it('counts characters, not UTF-16 units', () => {
    // Five emoji are ten UTF-16 units but only five characters.
    expect(passwordProblem('😀😁😂🤣😃')).toMatch(/at least 10/);
  });
});
