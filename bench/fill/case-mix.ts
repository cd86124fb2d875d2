import type { TemplateEvent } from './case-template.js';

/**
 * Where a file can stop and still be one the product would hold: before each step a person takes on a
 * permit or an inquiry (not a read, a sign-in or what a reaction wrote in answer), so a stopped file
 * has every fee, document and notice its last step caused. Files stop at every stage: drafts,
 * submissions, surveys, map orders, designs, fees, payments, issued and renewed permits.
 */
export function stoppingPoints(template: readonly TemplateEvent[]): number[] {
  const cuts: number[] = [];
  template.forEach((event, i) => {
    const person = !event.metadata.includes('"role":"system"') && !event.metadata.includes('"role":"user"');
    if (person && /^(permit|inquiry)-/.test(event.stream) && i > 0) cuts.push(i);
  });
  return [...new Set(cuts)];
}

/** How many events of the template one more file keeps: the whole walk-through in `complete` of them. */
export function pickLength(
  random: () => number,
  cuts: readonly number[],
  length: number,
  complete = 0.4,
): number {
  if (cuts.length === 0 || random() < complete) return length;
  return cuts[Math.floor(random() * cuts.length)]!;
}

/** A municipality's own JSON strings, staff and parcels, keyed by what the template uses in Hamedan. */
export interface Place {
  readonly municipality: string;
  readonly swaps: ReadonlyMap<string, string>;
  readonly parcels: readonly string[];
}

/**
 * The three demo municipalities as places a Hamedan file can be moved to: the municipality's name,
 * each Hamedan staff member's id swapped for the colleague with the same role there (`clerk` →
 * `clerk_qazvin`), and its parcels to file on.
 */
export function placesOf(seed: readonly TemplateEvent[]): Place[] {
  const users = new Map<string, string>();
  const parcels = new Map<string, string[]>();
  for (const event of seed) {
    if (event.type === 'UserCreated') {
      const { username, userId } = JSON.parse(event.data) as { username: string; userId: string };
      users.set(username, userId);
    } else if (event.type === 'ParcelRegistered') {
      const { municipality, renewalCode } = JSON.parse(event.data) as Record<string, string>;
      parcels.set(municipality!, [...(parcels.get(municipality!) ?? []), renewalCode!]);
    }
  }
  return [...parcels.keys()].map((municipality) => {
    const swaps = new Map<string, string>();
    if (municipality !== 'hamedan') {
      swaps.set('"hamedan"', `"${municipality}"`);
      for (const [username, id] of users) {
        const colleague = users.get(`${username}_${municipality}`);
        if (colleague) swaps.set(id, colleague);
      }
    }
    return { municipality, swaps, parcels: parcels.get(municipality)! };
  });
}
