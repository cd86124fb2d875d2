import { hash } from 'node:crypto';
import { canonicalJson } from '../../signing/canonical-json.js';
import type { RecordedEvent } from '../event-store/event-envelope.js';

/** The bytes the ledger commits to: RFC 8785 JSON of what identifies and states an event, not its position. */
export function eventEntry(event: RecordedEvent): Uint8Array {
  return Buffer.from(eventJson(event), 'utf8');
}

/** leafHash(eventEntry(event)), hashing the text at once: no entry bytes, no hash object per event. */
export function eventLeafHash(event: RecordedEvent): Uint8Array {
  return hash('sha256', `\u0000${eventJson(event)}`, 'buffer');
}

function eventJson(event: RecordedEvent): string {
  const { id, type, stream, revision, data, metadata } = event;
  const fields = { id, type, stream, revision: revision.toString(), data, metadata };
  try {
    return canonicalJson(fields);
  } catch {
    // Rare enough that copying the whole event to mend its text is paid only when canonicalJson refuses.
    return canonicalJson(wellFormed(fields));
  }
}

/**
 * RFC 8785 has no bytes for a lone UTF-16 surrogate. The API refuses such text, but events stored before
 * it did may hold some, and every event must become a leaf: each lone surrogate counts as U+FFFD.
 */
// With the u flag a lone surrogate is one code point of the Cs category; a proper pair is not.
const LONE_SURROGATES = /\p{Cs}/gu;

function wellFormed(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATES, '\ufffd');
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [wellFormed(key), wellFormed(item)]),
    );
  return value;
}
