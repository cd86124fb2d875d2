import { given } from '../../../test/support/given.js';
import { apiKeyDecider, type ApiKeyCommand } from './api-key.decider.js';
import type { ApiKeyEvent } from './api-key.events.js';

const issue = {
  type: 'IssueApiKey',
  data: {
    keyId: '0123456789abcdef',
    label: 'office software',
    organisation: 'notary-12-hamedan',
    organisationKind: 'notary_office',
    permissions: ['inquiries:file', 'inquiries:read'],
    secretSha256: 'ab'.repeat(32),
  },
} as const satisfies ApiKeyCommand;
const { organisationKind: _, ...issuedData } = issue.data;
const issued: ApiKeyEvent = { type: 'ApiKeyIssued', data: { ...issuedData, role: 'notary' } };
const revoke = { type: 'RevokeApiKey', data: { keyId: '0123456789abcdef', reason: 'replaced' } } as const;

describe('API key decider', () => {
  it('issues a key in the role of its organisation kind', () => {
    expect(given(apiKeyDecider).when(issue)).toEqual([issued]);
  });

  it.each([
    ['bank', 'bank'],
    ['utility', 'utility'],
    ['counter_office', 'counter_office'],
    ['integrator', 'integrator'],
  ] as const)('gives a key of a %s the role %s', (organisationKind, role) => {
    const events = given(apiKeyDecider).when({ ...issue, data: { ...issue.data, organisationKind } });
    expect(events).toEqual([{ type: 'ApiKeyIssued', data: expect.objectContaining({ role }) }]);
  });

  it('gives the engineering organisation no keys', () => {
    const command = { ...issue, data: { ...issue.data, organisationKind: 'engineering_org' } } as const;
    expect(given(apiKeyDecider).when(command)).toMatchObject({
      code: 'API_KEY.ORGANISATION_KIND_NOT_ALLOWED',
      kind: 'invalid',
    });
  });

  it('refuses permissions outside the fixed list, naming them', () => {
    const command = { ...issue, data: { ...issue.data, permissions: ['inquiries:file', 'permits:sign'] } };
    expect(given(apiKeyDecider).when(command)).toMatchObject({
      code: 'API_KEY.UNKNOWN_PERMISSION',
      kind: 'invalid',
      details: { permissions: ['permits:sign'] },
    });
  });

  it('keeps a feed scope on a key that may read the feed', () => {
    const feed = { municipalities: ['hamedan'], categories: ['permit', 'parcel'], pii: ['parcel'] };
    const command = { ...issue, data: { ...issue.data, permissions: ['feed:read'], feed } };
    expect(given(apiKeyDecider).when(command)).toEqual([
      { type: 'ApiKeyIssued', data: expect.objectContaining({ feed, permissions: ['feed:read'] }) },
    ]);
  });

  it('refuses a feed scope without feed:read, and a malformed one', () => {
    const scoped = { ...issue, data: { ...issue.data, feed: { categories: ['permit'] } } };
    expect(given(apiKeyDecider).when(scoped)).toMatchObject({
      code: 'API_KEY.FEED_SCOPE_WITHOUT_PERMISSION',
      kind: 'invalid',
    });
    const malformed = {
      ...issue,
      data: { ...issue.data, permissions: ['feed:read'], feed: { categories: ['Permit!'] } },
    };
    expect(given(apiKeyDecider).when(malformed)).toMatchObject({ code: 'API_KEY.INVALID_FEED_SCOPE' });
  });

  it('refuses to issue the same key id twice', () => {
    expect(given(apiKeyDecider, issued).when(issue)).toMatchObject({ code: 'API_KEY.ALREADY_EXISTS' });
  });

  it('revokes a key once; again changes nothing', () => {
    const revoked: ApiKeyEvent = { type: 'ApiKeyRevoked', data: revoke.data };
    expect(given(apiKeyDecider, issued).when(revoke)).toEqual([revoked]);
    expect(given(apiKeyDecider, issued, revoked).when(revoke)).toEqual([]);
  });

  it('refuses to revoke an unknown key', () => {
    expect(given(apiKeyDecider).when(revoke)).toMatchObject({ code: 'API_KEY.NOT_FOUND', kind: 'not_found' });
  });
});
