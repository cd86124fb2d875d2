import { createPublicKey } from 'node:crypto';
import { parseSignerKey, parseVerifierKey, privateKeyFrom, verifierKeyOf } from './note-verifier-key.js';
import { openNote, signNote } from './signed-note.js';

// Published vectors of Go's golang.org/x/mod/sumdb/note (note_test.go, TestSign and TestOpen).
const PETER_SIGNER = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER = parseVerifierKey('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
const ENOCH = parseVerifierKey('EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop');
const TEXT =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const PETER_SIG =
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG =
  '\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const SIGNED = `${TEXT}\n${PETER_SIG}`;

const refusal = (code: string) => expect.objectContaining({ code });

describe('signed notes', () => {
  it("signs Go's test text with Go's key into Go's note, byte for byte", () => {
    expect(signNote(TEXT, parseSignerKey(PETER_SIGNER))).toBe(SIGNED);
  });

  it('signs with a raw seed as with its KeyObject', () => {
    const seed = Buffer.alloc(32, 7);
    const privateKey = privateKeyFrom(seed);
    const note = signNote(TEXT, { name: 'example.org/daftar', privateKey: seed });
    const verifier = parseVerifierKey(verifierKeyOf('example.org/daftar', createPublicKey(privateKey)));

    expect(signNote(TEXT, { name: 'example.org/daftar', privateKey })).toBe(note);
    expect(openNote(note, [verifier]).text).toBe(TEXT);
  });

  it('opens a note Go signed, naming the verifier whose signature holds', () => {
    const opened = openNote(SIGNED, [PETER]);

    expect(opened.text).toBe(TEXT);
    expect(opened.verifiedBy).toEqual([PETER]);
    expect(opened.unverified).toEqual([]);
  });

  it('opens it from UTF-8 bytes too', () => {
    expect(openNote(Buffer.from(SIGNED, 'utf8'), [PETER]).text).toBe(TEXT);
  });

  it('ignores the signatures of unknown keys, and verifies every known one', () => {
    const note = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;

    expect(openNote(note, [PETER]).unverified).toEqual([
      { name: 'EnochRoot', keyId: 0xaf0cfe78, base64: ENOCH_SIG.slice('\u2014 EnochRoot '.length, -1) },
    ]);
    expect(openNote(note, [PETER, ENOCH]).verifiedBy).toEqual([PETER, ENOCH]);
  });

  it('keeps blank lines inside the text: the last one separates the signatures', () => {
    const text = 'first\n\nsecond\n';
    const signer = parseSignerKey(PETER_SIGNER);

    expect(openNote(signNote(text, signer), [PETER]).text).toBe(text);
  });

  it('refuses a note whose text changed by one byte', () => {
    expect(() => openNote(SIGNED.replace('cryptography', 'cryptographY'), [PETER])).toThrow(
      refusal('NOTE.INVALID_SIGNATURE'),
    );
  });

  it('refuses a note whose signature changed by one byte', () => {
    const bytes = Buffer.from(PETER_SIG.slice('\u2014 PeterNeumann '.length, -1), 'base64');
    bytes[20] ^= 0x01;
    const flipped = `${TEXT}\n\u2014 PeterNeumann ${bytes.toString('base64')}\n`;

    expect(() => openNote(flipped, [PETER])).toThrow(refusal('NOTE.INVALID_SIGNATURE'));
    // Go's own case: four characters inserted into the signature.
    const inserted = `${TEXT}\n${PETER_SIG.slice(0, 60)}ABCD${PETER_SIG.slice(60)}`;
    expect(() => openNote(inserted, [PETER])).toThrow(refusal('NOTE.INVALID_SIGNATURE'));
  });

  it('refuses a note that only unknown keys signed', () => {
    expect(() => openNote(SIGNED, [ENOCH])).toThrow(refusal('NOTE.UNVERIFIED'));
    expect(() => openNote(SIGNED, [])).toThrow(refusal('NOTE.UNVERIFIED'));
  });

  it('refuses a signature under a known name and key id that another key made', () => {
    const impostor = { ...PETER, publicKey: ENOCH.publicKey };

    expect(() => openNote(SIGNED, [impostor])).toThrow(refusal('NOTE.INVALID_SIGNATURE'));
  });

  it('refuses two verifiers of one name and key id', () => {
    expect(() => openNote(SIGNED, [PETER, PETER])).toThrow(refusal('NOTE.AMBIGUOUS_KEY'));
  });

  it.each([
    ['no signatures', TEXT],
    ['a blank line but no signatures', `${TEXT}\n`],
    ['no blank line before the signatures', `${TEXT}${PETER_SIG}`],
    ['a last signature line without a newline', `${TEXT}\n${PETER_SIG.slice(0, -1)}`],
    ['a last line without a newline after a good one', `${SIGNED}${ENOCH_SIG.slice(0, -1)}x`],
    ['a control character', `\u0001${SIGNED}`],
    ['a lone surrogate', `\ud800${SIGNED}`],
    ['a key name with a space', `${TEXT}\n${PETER_SIG.replace('PeterNeumann', 'Bad Name')}`],
    ['a key name with a plus', `${TEXT}\n${PETER_SIG.replace('PeterNeumann', 'Peter+Neumann')}`],
    ['a line after the signatures', `${SIGNED}Unexpected line.\n`],
    ['a signature of only a key id', `${TEXT}\n\u2014 PeterNeumann x08gow==\n`],
    ['non-canonical base64', `${TEXT}\n${PETER_SIG.replace('=\n', '\n')}`],
    ['more than 100 signatures', `${TEXT}\n${PETER_SIG.repeat(101)}`],
  ])('refuses a note with %s', (_, note) => {
    expect(() => openNote(note, [PETER])).toThrow(refusal('NOTE.MALFORMED'));
  });

  it('refuses a note that is not UTF-8', () => {
    expect(() => openNote(Buffer.concat([Buffer.of(0xff), Buffer.from(SIGNED)]), [PETER])).toThrow(
      refusal('NOTE.MALFORMED'),
    );
  });

  it('accepts 100 signatures', () => {
    expect(openNote(`${TEXT}\n${PETER_SIG.repeat(100)}`, [PETER]).verifiedBy).toEqual([PETER]);
  });

  it('refuses to sign a text that does not end in a newline, or under a name with a space', () => {
    const signer = parseSignerKey(PETER_SIGNER);

    expect(() => signNote('abc', signer)).toThrow(refusal('NOTE.MALFORMED'));
    expect(() => signNote(TEXT, { ...signer, name: 'bad name' })).toThrow(refusal('NOTE.INVALID_KEY'));
  });
});
