import { createPublicKey, sign, verify } from 'node:crypto';
import {
  decodeBase64,
  hex8,
  isValidKeyName,
  NoteError,
  noteKeyId,
  privateKeyFrom,
  type NoteSigner,
  type NoteVerifier,
} from './note-verifier-key.js';

/**
 * C2SP signed notes (c2sp.org/signed-note), Ed25519 only: a text ending in a newline, a blank line,
 * then lines `— <key name> <base64(4-byte key id ‖ signature)>`, each signing the text's UTF-8 bytes.
 */
export interface NoteSignature {
  readonly name: string;
  readonly keyId: number;
  /** base64 of the key id and the signature, as written in the note. */
  readonly base64: string;
}

export interface OpenedNote {
  readonly text: string;
  /** The given verifiers whose signature is on the note and holds, in the note's order. */
  readonly verifiedBy: readonly NoteVerifier[];
  /** Signatures of keys not among the verifiers (witnesses, rotated keys): ignored, as the spec says. */
  readonly unverified: readonly NoteSignature[];
}

const SIGNATURE_PREFIX = '\u2014 ';
const KEY_ID_LENGTH = 4;
// Go's sumdb/note refuses more; the spec asks verifiers to accept at least 16.
const MAX_SIGNATURES = 100;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether `text` can be in a note: no lone surrogate (not UTF-8), no control character but newline. */
export function isNoteText(text: string): boolean {
  if (typeof text !== 'string' || /\p{Cs}/u.test(text)) return false;
  for (const char of text) if (char < ' ' && char !== '\n') return false;
  return true;
}

/** The signed note: `text`, a blank line, and the signature line of `signer`. */
export function signNote(text: string, signer: NoteSigner): string {
  requireWellFormed(text);
  if (!text.endsWith('\n')) throw malformed('the text must end in a newline');
  if (!isValidKeyName(signer.name))
    throw new NoteError('NOTE.INVALID_KEY', 'A key name has no spaces or "+"');
  const privateKey = privateKeyFrom(signer.privateKey);
  const keyId = Buffer.alloc(KEY_ID_LENGTH);
  keyId.writeUInt32BE(noteKeyId(signer.name, createPublicKey(privateKey)));
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  return `${text}\n${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([keyId, signature]).toString('base64')}\n`;
}

/**
 * The note's text, once a signature of one of `verifiers` holds. Refuses a malformed note, a failing
 * signature of a known key, and a note that no known key signed.
 */
export function openNote(note: string | Uint8Array, verifiers: readonly NoteVerifier[]): OpenedNote {
  const message = typeof note === 'string' ? note : decodeUtf8(note);
  requireWellFormed(message);
  // The last blank line separates the text, which may hold blank lines itself, from the signatures.
  const split = message.lastIndexOf('\n\n');
  if (split < 0) throw malformed('no blank line precedes the signatures');
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw malformed('the signatures must end in a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) throw malformed(`more than ${MAX_SIGNATURES} signatures`);
  const known = byKey(verifiers);
  const signed = Buffer.from(text, 'utf8');
  const verifiedBy = new Set<NoteVerifier>();
  const unverified = new Map<string, NoteSignature>();
  for (const line of lines) {
    const signature = parseSignatureLine(line);
    const verifier = known.get(keyOf(signature.name, signature.keyId));
    if (!verifier) {
      unverified.set(line, signature);
      continue;
    }
    const bytes = (decodeBase64(signature.base64) as Buffer).subarray(KEY_ID_LENGTH);
    if (!verify(null, signed, verifier.publicKey, bytes)) {
      throw new NoteError(
        'NOTE.INVALID_SIGNATURE',
        `The signature of ${signature.name}+${hex8(signature.keyId)} does not hold`,
      );
    }
    verifiedBy.add(verifier);
  }
  if (verifiedBy.size === 0) throw new NoteError('NOTE.UNVERIFIED', 'No known key signed the note');
  return { text, verifiedBy: [...verifiedBy], unverified: [...unverified.values()] };
}

function parseSignatureLine(line: string): NoteSignature {
  if (!line.startsWith(SIGNATURE_PREFIX)) throw malformed('a signature line starts with "— "');
  const rest = line.slice(SIGNATURE_PREFIX.length);
  const space = rest.indexOf(' ');
  const name = rest.slice(0, space);
  const base64 = rest.slice(space + 1);
  const bytes = decodeBase64(base64);
  if (space < 0 || !isValidKeyName(name) || !bytes || bytes.length <= KEY_ID_LENGTH) {
    throw malformed('a signature line is "— <key name> <base64 key id and signature>"');
  }
  return { name, keyId: bytes.readUInt32BE(0), base64 };
}

function byKey(verifiers: readonly NoteVerifier[]): Map<string, NoteVerifier> {
  const known = new Map<string, NoteVerifier>();
  for (const verifier of verifiers) {
    const key = keyOf(verifier.name, verifier.keyId);
    if (known.has(key)) throw new NoteError('NOTE.AMBIGUOUS_KEY', `Two verifiers are ${key}`);
    known.set(key, verifier);
  }
  return known;
}

function keyOf(name: string, keyId: number): string {
  return `${name}+${hex8(keyId)}`;
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw malformed('a note is UTF-8');
  }
}

function requireWellFormed(text: string): void {
  if (!isNoteText(text))
    throw malformed('a note is UTF-8 text without control characters other than newline');
}

function malformed(why: string): NoteError {
  return new NoteError('NOTE.MALFORMED', `Malformed note: ${why}`);
}
