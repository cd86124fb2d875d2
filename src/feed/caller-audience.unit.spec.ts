import { Caller } from '../identity/auth/caller.decorator.js';
import type { Principal } from '../identity/principal.js';
import type { Grant } from '../identity/roles.js';
import { currentFeedAudience, feedAudience } from './caller-audience.js';
import { ORGANISATION_TYPES } from './policy/event-policies.js';

function caller(kind: Principal['kind'], grant: Grant, permissions?: string[], more: Grant[] = []): Caller {
  const principal: Principal = {
    kind,
    id: 'p',
    displayName: 'p',
    grants: [grant, ...more],
    ...(permissions ? { permissions } : {}),
    authenticatedBy: kind === 'api_key' ? 'api_key' : 'password_token',
  };
  return new Caller(principal, grant, 'r', 'c', '2026-01-01T00:00:00.000Z');
}

const integrator: Grant = { role: 'integrator', organisation: 'registry' };
const notary: Grant = { role: 'notary', organisation: 'notary-office-12' };

describe('who reads what of the feed', () => {
  it('gives integrators their grant’s scope, no personal data unless it says so', () => {
    expect(feedAudience(caller('user', integrator))).toEqual({ pii: [] });
    const feed = { municipalities: ['hamedan'], categories: ['permit'], pii: ['permit'] };
    expect(feedAudience(caller('api_key', { ...integrator, feed }, ['feed:read']))).toEqual(feed);
  });

  it('limits an inquiring organisation’s key to its own inquiries and their answers', () => {
    expect(feedAudience(caller('api_key', notary, ['feed:read']))).toEqual({
      pii: [],
      types: ORGANISATION_TYPES,
      categories: ['inquiry', 'document'],
      organisation: 'notary-office-12',
      inquiryKind: 'Transfer',
    });
  });

  it('keeps the clerks’ worklist (InquiryReferred) from organisations, within their own scope', () => {
    expect(ORGANISATION_TYPES).toContain('InquiryAnswered');
    expect(ORGANISATION_TYPES).not.toContain('InquiryReferred');
    const feed = { types: ['InquiryReferred', 'InquiryAnswered'] };
    const bank: Grant = { role: 'bank', organisation: 'bank-1', feed };
    expect(feedAudience(caller('api_key', bank, ['feed:read']))).toMatchObject({
      types: ['InquiryAnswered'],
      inquiryKind: 'Bank',
    });
  });

  it('reads as the grant that yields an audience, an integrator’s first, whatever their order', () => {
    const feed = { municipalities: ['hamedan'] };
    const both = caller('user', notary, undefined, [{ ...integrator, feed }]);
    expect(feedAudience(both)).toEqual({ municipalities: ['hamedan'], pii: [] });
    const key = caller('api_key', notary, ['feed:read'], [{ ...integrator, feed }]);
    expect(feedAudience(key)).toEqual({ municipalities: ['hamedan'], pii: [] });
  });

  it('finds the audience as it stands now, none once the principal is gone', () => {
    const key = caller('api_key', notary, ['feed:read']).signedIn;
    const now = (principal: Principal | undefined) => ({ currentPrincipal: () => principal });
    expect(currentFeedAudience(now(key), key)).toMatchObject({ organisation: 'notary-office-12' });
    expect(currentFeedAudience(now(undefined), key)).toBeUndefined();
    expect(currentFeedAudience(now({ ...key, permissions: [] }), key)).toBeUndefined();
  });

  it.each([
    ['a notary office’s people', caller('user', notary)],
    ['a notary office’s key without feed:read', caller('api_key', notary, ['inquiries:read'])],
    ['an integrator key without feed:read', caller('api_key', integrator, [])],
    [
      'a counter office’s key',
      caller('api_key', { role: 'counter_office', organisation: 'c' }, ['feed:read']),
    ],
    ['a clerk', caller('user', { role: 'clerk', municipality: 'hamedan' })],
  ])('refuses %s', (_, who) => {
    expect(() => feedAudience(who)).toThrow(
      expect.objectContaining({ code: 'FEED.NOT_ALLOWED', kind: 'forbidden' }),
    );
  });
});
