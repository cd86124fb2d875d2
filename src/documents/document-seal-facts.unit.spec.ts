import { createTestCa, issueTestSealer } from '../../test/support/test-pki.js';
import { decodeSealV2, encodeSealV2, sealKeyFrom } from '../../signing/seal-v2.js';
import type { DocumentContent } from './document.events.js';
import { sealFactsOf } from './document-seal-facts.js';

const permit: DocumentContent = {
  code: '1234567000Z',
  kind: 'BuildingPermit',
  municipality: 'hamedan',
  issuedAt: '2026-03-01T10:00:00.000Z',
  renewalCode: '1-1-1-1-0-0-0',
  holders: [
    { nationalId: '0013542419', name: 'زهرا احمدی' },
    { nationalId: '0499370899', name: 'Ali Rezaei' },
  ],
  body: { floors: 4, validUntil: '2029-03-01T10:00:00.000Z' },
};

describe('sealFactsOf', () => {
  it('takes the renewal code, the masked holders and a permit’s expiry', () => {
    expect(sealFactsOf(permit)).toEqual({
      renewalCode: '1-1-1-1-0-0-0',
      holders: ['ز*** ا***', 'A*** R***'],
      expiresAt: new Date('2029-03-01T10:00:00.000Z'),
    });
  });

  it('takes an inquiry answer’s result, and nothing the document lacks', () => {
    const { renewalCode: _, ...answer } = permit;
    expect(
      sealFactsOf({ ...answer, kind: 'InquiryAnswer', holders: [], body: { outcome: 'blocked' } }),
    ).toEqual({ holders: [], result: 'blocked' });
    expect(
      sealFactsOf({ ...permit, kind: 'NoViolationCertificate', body: { outcome: 'cleared' } }),
    ).not.toHaveProperty('result');
  });

  it('names the first four of 40 heirs and counts the others, and cuts a long name on a character', async () => {
    const sealer = await issueTestSealer(createTestCa());
    // 200 characters, masked to 40 words of 6 bytes: cut within a two-byte letter, it would not be UTF-8.
    const organisation = 'شرکت '.repeat(40);
    const heirs = Array.from({ length: 39 }, (_, i) => ({ nationalId: '0013542419', name: `وارث ${i}` }));
    const content = { ...permit, holders: [{ nationalId: '0499370899', name: organisation }, ...heirs] };
    const facts = sealFactsOf(content);
    expect(facts.holders).toHaveLength(4);
    expect(facts.moreHolders).toBe(36);
    const [long, ...others] = facts.holders;
    expect(others).toEqual(['و*** 0***', 'و*** 1***', 'و*** 2***']);
    expect(Buffer.byteLength(long!, 'utf8')).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^(ش\*\*\* )+ش\*\*\*…$/);
    expect(long).not.toContain('\ufffd');
    const seal = encodeSealV2(
      {
        code: content.code,
        kind: content.kind,
        issuedAt: new Date(content.issuedAt),
        municipality: content.municipality,
        ...facts,
        contentSha256: '0'.repeat(64),
        keyId: sealer.keyId,
      },
      sealKeyFrom(sealer.privateKeyPem),
    );
    expect(decodeSealV2(seal)).toMatchObject({ holders: facts.holders, moreHolders: 36 });
  });

  it('leaves out of a masked name the controls a seal refuses', () => {
    const holders = [
      { nationalId: '0013542419', name: '\u200fزهرا\nاحمدی\u202e' },
      { nationalId: '0499370899', name: '\x1b[8mAli' },
    ];
    expect(sealFactsOf({ ...permit, holders }).holders).toEqual(['ز*** ا***', '[***']);
  });
});
