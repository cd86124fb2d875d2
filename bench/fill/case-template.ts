import { documentCodeFrom } from '../../signing/document-code.js';
import { isValidIranianNationalId } from '../../src/identity/national-id.js';
import { trackingNumberFor } from '../../src/tracking/tracking-number.js';

/** One event as the product appended it: stream, type and the JSON text of data and metadata. */
export interface TemplateEvent {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly data: string;
  readonly metadata: string;
}

/** A deterministic generator of numbers in [0, 1) (mulberry32): the same seed, the same store. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g;

/** What a clone of the template changes: the ids it made, its time, and where it happens. */
export interface CloneOptions {
  readonly random: () => number;
  /** Added to every instant of the template. */
  readonly shiftMs: number;
  /** Whole JSON strings (with their quotes) or ids swapped for others: a municipality, its staff, a parcel. */
  readonly swaps: ReadonlyMap<string, string>;
  /** Ids that follow from the fresh ones (a person's mobile, digests of their ids), for them to replace. */
  readonly derive?: (fresh: ReadonlyMap<string, string>) => ReadonlyMap<string, string>;
}

/**
 * The ids a template made itself, which every clone gets afresh: UUIDs not known before it (event,
 * permit, payment, user ids), and the ids of streams it opened that are not UUIDs (document codes,
 * tracking numbers, a registered citizen's national id). Hash-named streams are not made here: a
 * reader's access records are shared by every clone, and a person's sign-ins and notifications follow
 * from their fresh ids (`CloneOptions.derive`).
 */
export function madeIds(template: readonly TemplateEvent[], known: ReadonlySet<string>): Set<string> {
  const made = new Set<string>();
  const opened = new Set<string>();
  for (const event of template) {
    for (const uuid of `${event.id} ${event.data}${event.metadata}${event.stream}`.match(UUID) ?? []) {
      if (!known.has(uuid)) made.add(uuid);
    }
    const id = event.stream.slice(event.stream.indexOf('-') + 1);
    if (!known.has(event.stream) && !opened.has(event.stream) && /^(\d{10}|[0-9A-Z]{11})$/.test(id)) {
      made.add(id);
    }
    opened.add(event.stream);
  }
  return made;
}

/**
 * One more case like the template: the same events, each id it made replaced by a fresh one of the
 * same kind (a UUIDv7 at the shifted time, a document code with its check symbol, a tracking number
 * of the new stream, a valid national id), every instant shifted, and the swaps applied.
 */
export function cloneCase(
  template: readonly TemplateEvent[],
  made: ReadonlySet<string>,
  options: CloneOptions,
): TemplateEvent[] {
  const fresh = new Map<string, string>();
  const startMs = Date.parse(INSTANT.exec(template[0]?.metadata ?? '')?.[0] ?? '') || 0;
  INSTANT.lastIndex = 0;
  for (const id of made) {
    if (UUID.test(id)) fresh.set(id, uuidV7(startMs + options.shiftMs, options.random));
    else if (id.length === 11) fresh.set(id, documentCodeFrom(randomBytes(options.random, 8)));
    UUID.lastIndex = 0;
  }
  // A tracking number is made from its file's stream, so the new stream names must be known first.
  for (const event of template) {
    const id = event.stream.slice(event.stream.indexOf('-') + 1);
    if (!made.has(id) || fresh.has(id)) continue;
    const subject = /"stream":"([^"]+)"/.exec(event.data)?.[1];
    fresh.set(
      id,
      event.stream.startsWith('tracking-') && subject
        ? trackingNumberFor(rewrite(subject, fresh, options.swaps), 0)
        : nationalId(options.random),
    );
  }
  for (const [from, to] of options.derive?.(fresh) ?? []) fresh.set(from, to);
  const shift = (text: string) =>
    text.replace(INSTANT, (instant) => new Date(Date.parse(instant) + options.shiftMs).toISOString());
  return template.map((event) => ({
    id: fresh.get(event.id) ?? event.id,
    stream: rewrite(event.stream, fresh, options.swaps),
    type: event.type,
    data: shift(rewrite(event.data, fresh, options.swaps)),
    metadata: shift(rewrite(event.metadata, fresh, options.swaps)),
  }));
}

const TOKEN =
  /"[a-z]+"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{32}\b|\b[0-9A-Z]{10,11}\b|[0-9]+(-[0-9]+){6}|\b\d{4}\*{3}\d{4}\b/g;

function rewrite(
  text: string,
  fresh: ReadonlyMap<string, string>,
  swaps: ReadonlyMap<string, string>,
): string {
  return text.replace(TOKEN, (token) => fresh.get(token) ?? swaps.get(token) ?? token);
}

function randomBytes(random: () => number, length: number): Uint8Array {
  return Uint8Array.from({ length }, () => Math.floor(random() * 256));
}

function uuidV7(ms: number, random: () => number): string {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
  const time = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
  const rest = randomBytes(random, 10);
  rest[0] = (rest[0]! & 0x0f) | 0x70;
  rest[2] = (rest[2]! & 0x3f) | 0x80;
  const r = hex(rest);
  return `${time.slice(0, 8)}-${time.slice(8)}-${r.slice(0, 4)}-${r.slice(4, 8)}-${r.slice(8)}`;
}

/** Ten digits with the check digit of an Iranian national id (کد ملی). */
export function nationalId(random: () => number): string {
  for (;;) {
    const body = Array.from({ length: 9 }, () => Math.floor(random() * 10)).join('');
    for (let check = 0; check < 10; check += 1) {
      if (isValidIranianNationalId(`${body}${check}`)) return `${body}${check}`;
    }
  }
}
