import { Caller } from '../identity/auth/caller.decorator.js';
import type { Principal } from '../identity/principal.js';
import type { Grant } from '../identity/roles.js';
import { feedAudience } from './caller-audience.js';

function caller(kind: Principal['kind'], grant: Grant, permissions?: string[]): Caller {
  const principal: Principal = {
    kind,
    id: 'p',
    displayName: 'p',
    grants: [grant],
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
      categories: ['inquiry', 'document'],
      organisation: 'notary-office-12',
    });
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
