import type { Caller } from '../identity/auth/caller.decorator.js';
import { actingGrant, type Principal } from '../identity/principal.js';
import type { Grant } from '../identity/roles.js';
import { DomainError } from '../shared/domain-error.js';
import { FEED_PERMISSION, FEED_ROLES, INQUIRING_ROLES, type FeedAudience } from './feed-audience.js';

const INQUIRY_CATEGORIES = ['inquiry', 'document'];

/**
 * The audience of a caller the guard let through: integrators (people, OIDC clients, keys with
 * `feed:read`) by their grant's feed scope; the keys of a notary office, bank or utility with
 * `feed:read` only their own inquiries; anyone else nothing.
 */
export function feedAudience(caller: Caller): FeedAudience {
  const audience = audienceOf(caller.principal, caller.grant);
  if (!audience) throw notAllowed();
  return audience;
}

/** The audience of a principal as it stands now, acting as the guard would let it; undefined: none. */
export function principalFeedAudience(principal: Principal): FeedAudience | undefined {
  return audienceOf(principal, actingGrant(principal, FEED_ROLES));
}

function audienceOf(principal: Principal | undefined, grant: Grant | undefined): FeedAudience | undefined {
  const key = principal?.kind === 'api_key';
  if (key && !principal.permissions?.includes(FEED_PERMISSION)) return undefined;
  const scope = grant?.feed ?? {};
  const common: FeedAudience = {
    ...(scope.municipalities ? { municipalities: scope.municipalities } : {}),
    ...(scope.types ? { types: scope.types } : {}),
    pii: scope.pii ?? [],
  };
  if (grant?.role === 'integrator') {
    return { ...common, ...(scope.categories ? { categories: scope.categories } : {}) };
  }
  if (key && grant?.organisation && INQUIRING_ROLES.includes(grant.role)) {
    const categories = INQUIRY_CATEGORIES.filter((c) => !scope.categories || scope.categories.includes(c));
    return { ...common, categories, organisation: grant.organisation };
  }
  return undefined;
}

function notAllowed(): DomainError {
  return new DomainError(
    'FEED.NOT_ALLOWED',
    'The feed is for integrators, and for the API keys of inquiring organisations with feed:read',
    'forbidden',
  );
}
