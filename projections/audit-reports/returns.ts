import type { ReturnFact } from './report-facts.js';
import type { ReturnRow } from './report-rows.js';

/** Returns counted per clerk, what was returned and the reason, the most frequent first. */
export function returnsPerClerk(returns: readonly ReturnFact[]): ReturnRow[] {
  const rows = new Map<string, ReturnRow>();
  for (const r of returns) {
    const key = JSON.stringify([r.clerkId, r.what, r.reason, r.documentKind]);
    const held = rows.get(key);
    rows.set(key, {
      clerkId: r.clerkId,
      what: r.what,
      reason: r.reason,
      ...(r.documentKind === undefined ? {} : { documentKind: r.documentKind }),
      count: (held?.count ?? 0) + 1,
      lastAt: held && held.lastAt > r.at ? held.lastAt : r.at,
    });
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || a.clerkId.localeCompare(b.clerkId));
}
