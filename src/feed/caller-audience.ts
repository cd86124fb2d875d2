import type { Authenticator } from '../identity/auth/authenticator.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { Principal } from '../identity/principal.js';
import type { Grant } from '../identity/roles.js';
import { KIND_OF_ROLE } from '../inquiries/inquiry-access.js';
import { DomainError } from '../shared/domain-error.js';
import { FEED_PERMISSION, INQUIRING_ROLES, type FeedAudience } from './feed-audience.js';
import { ORGANISATION_TYPES } from './policy/event-policies.js';

const INQUIRY_CATEGORIES = ['inquiry', 'document'];

/**
 * The audience of a caller the guard let through: integrators (people, OIDC clients, keys with
 * `feed:read`) by their grant's feed scope; the keys of a notary office, bank or utility with
 * `feed:read` only their own inquiries; anyone else nothing.
 */
export function feedAudience(caller: Caller): FeedAudience {
  const audience = caller.principal && principalFeedAudience(caller.principal);
  if (!audience) throw notAllowed();
  return audience;
}

/**
 * The audience of a principal: of its first grant that yields one, an integrator's before an
 * organisation's (the guard's first feed role may yield none: a notary office's person); undefined: none.
 */
export function principalFeedAudience(principal: Principal): FeedAudience | undefined {
  const grants = [...principal.grants].sort((a, b) => rank(a) - rank(b));
  for (const grant of grants) {
    const audience = audienceOf(principal, grant);
    if (audience) return audience;
  }
  return undefined;
}

/**
 * Who a principal is now, from the identity read models, and so what it may read: undefined once its
 * key is revoked, its account disabled, its organisation deactivated or its feed grant gone.
 */
export function currentFeedAudience(
  authenticator: Pick<Authenticator, 'currentPrincipal'>,
  who: Pick<Principal, 'id' | 'kind'>,
): FeedAudience | undefined {
  const principal = authenticator.currentPrincipal(who);
  return principal && principalFeedAudience(principal);
}

const rank = (grant: Grant) => (grant.role === 'integrator' ? 0 : 1);

function audienceOf(principal: Principal, grant: Grant): FeedAudience | undefined {
  const key = principal.kind === 'api_key';
  if (key && !principal.permissions?.includes(FEED_PERMISSION)) return undefined;
  const scope = grant.feed ?? {};
  const common: FeedAudience = {
    ...(scope.municipalities ? { municipalities: scope.municipalities } : {}),
    ...(scope.types ? { types: scope.types } : {}),
    pii: scope.pii ?? [],
  };
  if (grant.role === 'integrator') {
    return { ...common, ...(scope.categories ? { categories: scope.categories } : {}) };
  }
  const inquiryKind = KIND_OF_ROLE[grant.role];
  if (key && grant.organisation && inquiryKind && INQUIRING_ROLES.includes(grant.role)) {
    const categories = INQUIRY_CATEGORIES.filter((c) => !scope.categories || scope.categories.includes(c));
    // The clerks' worklist (InquiryReferred) is the municipality's, not the requester's.
    const types = ORGANISATION_TYPES.filter((t) => !scope.types || scope.types.includes(t));
    return { ...common, types, categories, organisation: grant.organisation, inquiryKind };
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
