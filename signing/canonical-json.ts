/**
 * The JSON Canonicalization Scheme (RFC 8785, JCS): the exact bytes a document's signature covers.
 * Object keys sorted by UTF-16 code units, numbers as ECMAScript writes them, no whitespace.
 * Anything that is not plain JSON data throws rather than being silently dropped or coerced, since
 * two different values must never hash alike.
 */
export function canonicalJson(value: unknown): string {
  return serialize(value, '$');
}

function serialize(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw notJson(path, `the number ${value}`);
      return String(value); // ECMAScript Number::toString, as RFC 8785 §3.2.2.3 requires; -0 becomes 0
    case 'string':
      return serializeString(value, path);
    case 'object':
      if (Array.isArray(value)) return serializeArray(value, path);
      return serializeObject(value, path);
    default:
      throw notJson(path, typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`);
  }
}

function serializeArray(items: readonly unknown[], path: string): string {
  const parts: string[] = [];
  // An index loop, not map(): map() skips holes, which must throw as undefined.
  for (let i = 0; i < items.length; i++) parts.push(serialize(items[i], `${path}[${i}]`));
  return `[${parts.join(',')}]`;
}

function serializeObject(object: object, path: string): string {
  const prototype = Object.getPrototypeOf(object) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw notJson(path, `an instance of ${object.constructor?.name ?? 'a class'}`);
  }
  const record = object as Record<string, unknown>;
  // The default sort compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 asks for.
  const keys = Object.keys(record).sort();
  const members = keys.map(
    (key) => `${serializeString(key, path)}:${serialize(record[key], `${path}[${JSON.stringify(key)}]`)}`,
  );
  return `{${members.join(',')}}`;
}

// A lone surrogate has no UTF-8 form: encoders replace it, so two strings would hash the same.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(text: string, path: string): string {
  if (LONE_SURROGATE.test(text)) throw notJson(path, 'a string with a lone UTF-16 surrogate');
  return JSON.stringify(text);
}

function notJson(path: string, what: string): Error {
  return new Error(`canonicalJson: ${what} at ${path} is not JSON data`);
}
