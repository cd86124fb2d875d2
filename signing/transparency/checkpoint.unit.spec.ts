import { createPublicKey } from 'node:crypto';
import { formatCheckpoint, openCheckpoint, parseCheckpoint, signCheckpoint } from './checkpoint.js';
import { parseVerifierKey, privateKeyFrom, verifierKeyOf } from './note-verifier-key.js';

// The example of the C2SP tlog-checkpoint spec (c2sp.org/tlog-checkpoint), whose key is not published.
const SPEC_TEXT = 'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n';
const SPEC_NOTE = `${SPEC_TEXT}\n\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n`;
const ORIGIN = 'daftar.example.org/daftar';
const SEED = Buffer.alloc(32, 9);
const SIGNER = { name: ORIGIN, privateKey: SEED };
const VERIFIER = parseVerifierKey(verifierKeyOf(ORIGIN, createPublicKey(privateKeyFrom(SEED))));
const ROOT = Buffer.alloc(32, 0xab);

const invalid = expect.objectContaining({ code: 'NOTE.INVALID_CHECKPOINT' });

describe('checkpoints', () => {
  it("reads the spec's example", () => {
    expect(parseCheckpoint(SPEC_TEXT)).toEqual({
      origin: 'example.com/behind-the-sofa',
      size: 20852163,
      rootHash: new Uint8Array(Buffer.from('CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=', 'base64')),
    });
  });

  it("writes the spec's example back byte for byte", () => {
    expect(formatCheckpoint(parseCheckpoint(SPEC_TEXT))).toBe(SPEC_TEXT);
  });

  it('writes origin, size and base64 root hash, one line each, then extension lines', () => {
    expect(formatCheckpoint({ origin: ORIGIN, size: 0, rootHash: ROOT })).toBe(
      `${ORIGIN}\n0\n${ROOT.toString('base64')}\n`,
    );
    const extended = { origin: ORIGIN, size: 3, rootHash: new Uint8Array(ROOT), extensions: ['x y'] };
    expect(parseCheckpoint(formatCheckpoint(extended))).toEqual(extended);
  });

  it('signs a checkpoint that opens with the log key and names its origin', () => {
    const checkpoint = { origin: ORIGIN, size: 42, rootHash: new Uint8Array(ROOT) };

    expect(openCheckpoint(signCheckpoint(checkpoint, SIGNER), ORIGIN, [VERIFIER])).toEqual({
      checkpoint,
      verifiedBy: [VERIFIER],
    });
  });

  it('refuses a signed checkpoint of another origin, or signed by no known key', () => {
    const note = signCheckpoint({ origin: ORIGIN, size: 1, rootHash: ROOT }, SIGNER);

    expect(() => openCheckpoint(note, 'other.example/daftar', [VERIFIER])).toThrow(
      expect.objectContaining({ code: 'NOTE.WRONG_ORIGIN' }),
    );
    expect(() => openCheckpoint(SPEC_NOTE, 'example.com/behind-the-sofa', [VERIFIER])).toThrow(
      expect.objectContaining({ code: 'NOTE.UNVERIFIED' }),
    );
  });

  it('refuses a signed checkpoint whose size was changed', () => {
    const note = signCheckpoint({ origin: ORIGIN, size: 41, rootHash: ROOT }, SIGNER);

    expect(() => openCheckpoint(note.replace('\n41\n', '\n42\n'), ORIGIN, [VERIFIER])).toThrow(
      expect.objectContaining({ code: 'NOTE.INVALID_SIGNATURE' }),
    );
  });

  const root = ROOT.toString('base64');
  it.each([
    ['two lines', `${ORIGIN}\n1\n`],
    ['no final newline', `${ORIGIN}\n1\n${root}`],
    ['an empty origin', `\n1\n${root}\n`],
    ['an origin with a trailing space', `${ORIGIN} \n1\n${root}\n`],
    ['a size with a leading zero', `${ORIGIN}\n01\n${root}\n`],
    ['a negative size', `${ORIGIN}\n-1\n${root}\n`],
    ['a size with a plus', `${ORIGIN}\n+1\n${root}\n`],
    ['a size beyond 2^53', `${ORIGIN}\n9007199254740993\n${root}\n`],
    ['a hash of 31 bytes', `${ORIGIN}\n1\n${ROOT.subarray(1).toString('base64')}\n`],
    ['a hash of 33 bytes', `${ORIGIN}\n1\n${Buffer.alloc(33).toString('base64')}\n`],
    ['a hash in base64url', `${ORIGIN}\n1\n${Buffer.alloc(32, 0xff).toString('base64url')}\n`],
    ['a hash without padding', `${ORIGIN}\n1\n${root.replace('=', '')}\n`],
    ['an empty extension line', `${ORIGIN}\n1\n${root}\n\nx\n`],
    ['a carriage return', `${ORIGIN}\r\n1\n${root}\n`],
  ])('refuses a text with %s', (_, text) => {
    expect(() => parseCheckpoint(text)).toThrow(invalid);
  });

  it.each([
    ['an empty origin', { origin: '', size: 1, rootHash: ROOT }],
    ['an origin of two lines', { origin: `${ORIGIN}\n7`, size: 1, rootHash: ROOT }],
    ['a fractional size', { origin: ORIGIN, size: 1.5, rootHash: ROOT }],
    ['a negative size', { origin: ORIGIN, size: -1, rootHash: ROOT }],
    ['a short hash', { origin: ORIGIN, size: 1, rootHash: ROOT.subarray(1) }],
    ['an extension line of two lines', { origin: ORIGIN, size: 1, rootHash: ROOT, extensions: ['a\nb'] }],
  ])('refuses to write a checkpoint with %s', (_, checkpoint) => {
    expect(() => formatCheckpoint(checkpoint)).toThrow(invalid);
  });
});
