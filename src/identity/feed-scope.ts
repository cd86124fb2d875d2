import { MUNICIPALITY_CODE } from './municipalities/municipality.events.js';

/**
 * What of the integrator feed a principal may read, narrowing what its role allows: municipalities,
 * stream categories and event types (each absent: all), and the categories whose personal data it may
 * see unmasked (`pii`; absent: none). Carried by integrator grants and by API keys.
 */
export interface FeedScope {
  readonly municipalities?: readonly string[];
  readonly categories?: readonly string[];
  readonly types?: readonly string[];
  readonly pii?: readonly string[];
}

export const FEED_CATEGORY = /^[a-z][a-z0-9]{0,31}$/;
export const FEED_EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,63}$/;
const MAX_ENTRIES = 200;

const LISTS: readonly { readonly key: keyof FeedScope; readonly pattern: RegExp }[] = [
  { key: 'municipalities', pattern: MUNICIPALITY_CODE },
  { key: 'categories', pattern: FEED_CATEGORY },
  { key: 'types', pattern: FEED_EVENT_TYPE },
  { key: 'pii', pattern: FEED_CATEGORY },
];

/** What is wrong with a scope's shape, or undefined; whether its names exist is the feed's to say. */
export function feedScopeProblem(scope: unknown): string | undefined {
  if (typeof scope !== 'object' || scope === null || Array.isArray(scope)) return 'A feed scope is an object';
  const unknown = Object.keys(scope).filter((key) => !LISTS.some((list) => list.key === key));
  if (unknown.length) return `A feed scope has no field ${unknown.join(', ')}`;
  for (const { key, pattern } of LISTS) {
    const value = (scope as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.length > MAX_ENTRIES)
      return `The feed scope's ${key} is a list of at most ${MAX_ENTRIES} names`;
    if (value.some((name) => typeof name !== 'string' || !pattern.test(name)))
      return `The feed scope's ${key} holds a malformed name`;
  }
  return undefined;
}
