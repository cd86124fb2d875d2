import type { FeedAudience } from '../feed/feed-audience.js';
import type { WebhookFilters } from './webhook.events.js';

/**
 * What an endpoint receives: its owner's feed audience as it stands, narrowed by the endpoint's
 * filters. Both bound it, so an owner's narrowed scope narrows every endpoint it registered.
 */
export function deliveryAudience(owner: FeedAudience, filters: WebhookFilters): FeedAudience {
  const municipalities = both(owner.municipalities, filters.municipalities);
  const categories = both(owner.categories, filters.categories);
  const types = both(owner.types, filters.types);
  return {
    ...owner,
    ...(municipalities ? { municipalities } : {}),
    ...(categories ? { categories } : {}),
    ...(types ? { types } : {}),
  };
}

/** Absent lists allow all. */
function both(
  a: readonly string[] | undefined,
  b: readonly string[] | undefined,
): readonly string[] | undefined {
  if (!a || !b) return a ?? b;
  return a.filter((name) => b.includes(name));
}
