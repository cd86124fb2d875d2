import { given } from '../../test/support/given.js';
import { documentDecider, type DocumentCommand } from './document.decider.js';
import type { DocumentEvent } from './document.events.js';

const code = '7Q2M9XK4PA3';
const issuedData = {
  code,
  kind: 'BuildingPermit' as const,
  municipality: 'hamedan',
  subject: { stream: 'permit-p1', eventId: 'e1' },
  content: {
    code,
    kind: 'BuildingPermit' as const,
    municipality: 'hamedan',
    issuedAt: '2026-11-25T10:00:00.000Z',
    holders: [],
    body: {},
  },
  contentSha256: 'ab'.repeat(32),
  signature: 'MII=',
  keyId: '0123456789abcdef',
  seal: 'seal',
  issuedAt: '2026-11-25T10:00:00.000Z',
};
const issued: DocumentEvent = { type: 'DocumentIssued', data: issuedData };
const issue: DocumentCommand = { type: 'IssueDocument', data: issuedData };
const revoke = (reason = 'issued in error'): DocumentCommand => ({
  type: 'RevokeDocument',
  data: { code, reason },
});
const supersede = (by: string, replacementExists = true, reason = 'corrected area'): DocumentCommand => ({
  type: 'SupersedeDocument',
  data: { code, by, reason, replacementExists },
});

describe('document decider', () => {
  it('issues a document under a free code', () => {
    expect(given(documentDecider).when(issue)).toEqual([issued]);
  });

  it('answers the same cause issuing again with nothing', () => {
    expect(given(documentDecider, issued).when(issue)).toEqual([]);
  });

  it('refuses a code another cause holds, so the issuer draws another', () => {
    const other = { ...issue, data: { ...issuedData, subject: { stream: 'permit-p2', eventId: 'e2' } } };
    expect(given(documentDecider, issued).when(other)).toMatchObject({ code: 'DOCUMENT.CODE_TAKEN' });
  });

  it('revokes a valid document with a reason', () => {
    expect(given(documentDecider, issued).when(revoke())).toEqual([
      { type: 'DocumentRevoked', data: { code, reason: 'issued in error' } },
    ]);
  });

  it('refuses a revocation without a reason', () => {
    expect(given(documentDecider, issued).when(revoke('  '))).toMatchObject({
      code: 'DOCUMENT.REASON_REQUIRED',
      kind: 'invalid',
    });
  });

  it('refuses to revoke or supersede a document that is not there', () => {
    expect(given(documentDecider).when(revoke())).toMatchObject({ code: 'DOCUMENT.NOT_FOUND' });
    expect(given(documentDecider).when(supersede('AAAAAAAAAAA'))).toMatchObject({
      code: 'DOCUMENT.NOT_FOUND',
    });
  });

  it('supersedes a valid document by another', () => {
    expect(given(documentDecider, issued).when(supersede('AAAAAAAAAAA'))).toEqual([
      { type: 'DocumentSuperseded', data: { code, by: 'AAAAAAAAAAA', reason: 'corrected area' } },
    ]);
  });

  it('refuses a replacement that does not exist or is the document itself', () => {
    expect(given(documentDecider, issued).when(supersede('AAAAAAAAAAA', false))).toMatchObject({
      code: 'DOCUMENT.REPLACEMENT_NOT_FOUND',
    });
    expect(given(documentDecider, issued).when(supersede(code))).toMatchObject({
      code: 'DOCUMENT.SUPERSEDED_BY_ITSELF',
    });
  });

  it.each([
    ['revoked', { type: 'DocumentRevoked', data: { code, reason: 'x' } } as DocumentEvent],
    [
      'superseded',
      { type: 'DocumentSuperseded', data: { code, by: 'AAAAAAAAAAA', reason: 'x' } } as DocumentEvent,
    ],
  ])('refuses to change a %s document again', (status, ended) => {
    for (const command of [revoke(), supersede('BBBBBBBBBBB')]) {
      expect(given(documentDecider, issued, ended).when(command)).toMatchObject({
        code: 'DOCUMENT.NOT_VALID',
        details: { status },
      });
    }
  });
});
