/**
 * The JSON Canonicalization Scheme (RFC 8785, JCS): the exact bytes a document's signature covers.
 * Object keys sorted by UTF-16 code units, numbers as ECMAScript writes them, no whitespace.
 * Anything that is not plain JSON data throws rather than being silently dropped or coerced, since
 * two different values must never hash alike.
 */
export function canonicalJson(value: unknown): string {
  try {
    return serialize(value);
  } catch (error) {
    if (!(error instanceof NotJson)) throw error;
    const path = `$${error.steps.reverse().join('')}`;
    throw new Error(`canonicalJson: ${error.what} at ${path} is not JSON data`);
  }
}

/**
 * What was refused, with the way back to it collected while the stack unwinds: the ledger serialises
 * every event, and building each member's path up front cost as much as the serialisation.
 */
class NotJson {
  readonly steps: string[] = [];
  constructor(readonly what: string) {}
}

function serialize(value: unknown): string {
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new NotJson(`the number ${value}`);
      return String(value); // ECMAScript Number::toString, as RFC 8785 §3.2.2.3 requires; -0 becomes 0
    case 'string':
      return serializeString(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? serializeArray(value) : serializeObject(value);
    default:
      throw new NotJson(typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`);
  }
}

function serializeArray(items: readonly unknown[]): string {
  let json = '[';
  // An index loop, not map(): map() skips holes, which must throw as undefined.
  for (let i = 0; i < items.length; i++) json += (i === 0 ? '' : ',') + within(i, items[i]);
  return `${json}]`;
}

function serializeObject(object: object): string {
  const prototype = Object.getPrototypeOf(object) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new NotJson(`an instance of ${object.constructor?.name ?? 'a class'}`);
  }
  const record = object as Record<string, unknown>;
  const keys = sortedKeys(record);
  let json = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    json += (i === 0 ? '' : ',') + memberName(key) + within(key, record[key]);
  }
  return `${json}}`;
}

const INSERTION_SORT_KEYS = 16;

/** Keys ordered by UTF-16 code units, as RFC 8785 §3.2.3 asks: what both sort() and `>` compare. */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record);
  // Insertion sort beats sort() on the few keys of most objects, and only on those.
  if (keys.length > INSERTION_SORT_KEYS) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  return keys;
}

/** Events repeat a few member names: each is checked and escaped once (up to a bound on memory). */
const MEMBER_NAMES_KEPT = 4096;
const memberNames = new Map<string, string>();

function memberName(key: string): string {
  let name = memberNames.get(key);
  if (name === undefined) {
    name = `${serializeString(key)}:`;
    if (memberNames.size < MEMBER_NAMES_KEPT) memberNames.set(key, name);
  }
  return name;
}

/** A member's value; a refusal inside it names the member. */
function within(member: string | number, value: unknown): string {
  try {
    return serialize(value);
  } catch (error) {
    if (error instanceof NotJson)
      error.steps.push(`[${typeof member === 'number' ? member : JSON.stringify(member)}]`);
    throw error;
  }
}

/**
 * What JSON must escape, and the surrogates that need a closer look; most strings have none of it and
 * are quoted as they are after this one scan.
 */
// eslint-disable-next-line no-control-regex -- control characters are what JSON escapes
const NEEDS_A_LOOK = /["\\\u0000-\u001f\ud800-\udfff]/;

function serializeString(text: string): string {
  if (!NEEDS_A_LOOK.test(text)) return `"${text}"`;
  // A lone surrogate has no UTF-8 form: encoders replace it, so two strings would hash the same.
  if (!text.isWellFormed()) throw new NotJson('a string with a lone UTF-16 surrogate');
  // JSON.stringify leaves well-formed pairs as they are and escapes just what RFC 8785 §3.2.2.2 does.
  return JSON.stringify(text);
}
