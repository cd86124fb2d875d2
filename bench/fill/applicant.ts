import { createHash } from 'node:crypto';
import { maskMobile } from '../../src/shared/masking.js';
import type { TemplateEvent } from './case-template.js';

interface Person {
  readonly userId: string;
  readonly nationalId: string;
  readonly mobile: string;
  readonly name: string;
}

/**
 * The walk-through's file as one filed by the citizen who registers at its start: the demo applicant
 * (her user id, national id, masked mobile and name as a document's holder) becomes that citizen, and
 * her own sign-in is dropped. Each clone registers a citizen of its own, so each file is then one more
 * person's, and notifications, access records and sign-ins spread over as many people as files.
 */
export function filedByRegisteredCitizen(
  seed: readonly TemplateEvent[],
  template: readonly TemplateEvent[],
): TemplateEvent[] {
  const registered = registeredCitizen(template);
  const applicantId = actorOf(template.find((e) => e.type === 'PermitDraftOpened'));
  const applicantUser = seed.find((e) => e.type === 'UserCreated' && e.stream === `user-${applicantId}`);
  if (!registered || !applicantUser) throw new Error('The template has no registered citizen or applicant');
  const applicant = personOf(applicantUser);
  const holderName = ownerName(seed, applicant.nationalId);
  const swaps: [string, string][] = [
    [applicant.userId, registered.userId],
    [applicant.nationalId, registered.nationalId],
    [maskMobile(applicant.mobile), maskMobile(registered.mobile)],
    ...(holderName ? [[`"${holderName}"`, `"${registered.name}"`] as [string, string]] : []),
  ];
  const swap = (text: string) => swaps.reduce((out, [from, to]) => out.replaceAll(from, to), text);
  return template
    .filter((e) => !(e.type === 'LoginSucceeded' && e.data.includes(`"userId":"${applicant.userId}"`)))
    .map((e) => ({ ...e, stream: swap(e.stream), data: swap(e.data), metadata: swap(e.metadata) }));
}

/**
 * What a clone derives from the fresh ids of its registered citizen: a mobile of their own, its masked
 * form in notifications, their sign-in stream (`login-<digest of the username>`, the national id) and
 * their notification messages (one per person and window; the template's ids are kept apart per person).
 */
export function applicantDerivations(
  template: readonly TemplateEvent[],
): (fresh: ReadonlyMap<string, string>) => Map<string, string> {
  const registered = registeredCitizen(template);
  if (!registered) return () => new Map();
  const messages = new Set(
    template
      .filter((e) => e.type === 'NotificationQueued')
      .map((e) => e.stream.slice('notification-'.length)),
  );
  return (fresh) => {
    const nationalId = fresh.get(registered.nationalId) ?? registered.nationalId;
    const userId = fresh.get(registered.userId) ?? registered.userId;
    const mobile = `0912${nationalId.slice(3)}`;
    const derived = new Map([
      [registered.mobile, mobile],
      [maskMobile(registered.mobile), maskMobile(mobile)],
      [digest(registered.nationalId), digest(nationalId)],
    ]);
    for (const message of messages) derived.set(message, digest(`${userId}\u0000${message}`));
    return derived;
  };
}

function registeredCitizen(template: readonly TemplateEvent[]): Person | undefined {
  const user = template.find((e) => e.type === 'UserCreated' && e.data.includes('"origin":"registration"'));
  return user && personOf(user);
}

function personOf(userCreated: TemplateEvent): Person {
  const data = JSON.parse(userCreated.data) as Record<string, string>;
  return {
    userId: data['userId']!,
    nationalId: data['nationalId']!,
    mobile: data['mobile']!,
    name: data['displayName']!,
  };
}

function actorOf(event: TemplateEvent | undefined): string | undefined {
  return event && (JSON.parse(event.metadata) as { actor: { id: string } }).actor.id;
}

/** The name a parcel's registry gives the person, which documents show as their holder. */
function ownerName(seed: readonly TemplateEvent[], nationalId: string): string | undefined {
  for (const event of seed) {
    if (event.type !== 'ParcelRegistered') continue;
    const { owners } = JSON.parse(event.data) as { owners: { nationalId: string; name: string }[] };
    const owner = owners.find((o) => o.nationalId === nationalId);
    if (owner) return owner.name;
  }
  return undefined;
}

/** As sign-in streams and message ids are named: the first 128 bits of a SHA-256, in hex. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
