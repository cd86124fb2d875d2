import { decodeBase64, NoteError, type NoteSigner, type NoteVerifier } from './note-verifier-key.js';
import { isNoteText, openNote, signNote } from './signed-note.js';

/** A transparency log's tree head, the text of a C2SP `tlog-checkpoint` signed note. */
export interface Checkpoint {
  /** The log's identity, e.g. `example.org/daftar`; the key name signing it should be the same. */
  readonly origin: string;
  /** The number of leaves. */
  readonly size: number;
  /** The RFC 6962 root hash of the first `size` leaves. */
  readonly rootHash: Uint8Array;
  /** Opaque lines after the root hash; the spec advises against them. */
  readonly extensions?: readonly string[];
}

export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly verifiedBy: readonly NoteVerifier[];
}

const HASH_LENGTH = 32;

/** `<origin>\n<size>\n<base64 root hash>\n`, then any extension lines. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  const { origin, size, rootHash, extensions = [] } = checkpoint;
  requireLine(origin, 'the origin');
  if (!Number.isSafeInteger(size) || size < 0) throw invalid('the size is a whole number of leaves');
  if (!(rootHash instanceof Uint8Array) || rootHash.length !== HASH_LENGTH) {
    throw invalid('the root hash is 32 bytes');
  }
  extensions.forEach((line) => requireLine(line, 'an extension line'));
  const lines = [origin, String(size), Buffer.from(rootHash).toString('base64'), ...extensions];
  return lines.map((line) => `${line}\n`).join('');
}

/** The checkpoint a note text states, refused unless it is exactly in the spec's form. */
export function parseCheckpoint(text: string): Checkpoint {
  if (typeof text !== 'string' || !text.endsWith('\n')) throw invalid('the text ends in a newline');
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n') as [string, string, string];
  if (root === undefined) throw invalid('the text has an origin, a size and a root hash');
  requireLine(origin, 'the origin');
  extensions.forEach((line) => requireLine(line, 'an extension line'));
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size))) {
    throw invalid('the size is decimal without leading zeros');
  }
  const rootHash = decodeBase64(root);
  if (!rootHash || rootHash.length !== HASH_LENGTH) throw invalid('the root hash is base64 of 32 bytes');
  return {
    origin,
    size: Number(size),
    rootHash: new Uint8Array(rootHash),
    ...(extensions.length > 0 && { extensions }),
  };
}

export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner): string {
  return signNote(formatCheckpoint(checkpoint), signer);
}

/** The checkpoint of `note`, once one of `verifiers` signed it and it names the log `origin`. */
export function openCheckpoint(
  note: string | Uint8Array,
  origin: string,
  verifiers: readonly NoteVerifier[],
): OpenedCheckpoint {
  const { text, verifiedBy } = openNote(note, verifiers);
  const checkpoint = parseCheckpoint(text);
  if (checkpoint.origin !== origin) {
    throw new NoteError('NOTE.WRONG_ORIGIN', `The checkpoint is of ${checkpoint.origin}, not ${origin}`);
  }
  return { checkpoint, verifiedBy };
}

function requireLine(line: string, what: string): void {
  // Empty or padded lines would make two texts for one checkpoint, or frame a different one.
  if (!isNoteText(line) || line === '' || line.includes('\n') || line.trim() !== line) {
    throw invalid(`${what} is a non-empty line without surrounding spaces`);
  }
}

function invalid(why: string): NoteError {
  return new NoteError('NOTE.INVALID_CHECKPOINT', `Not a checkpoint: ${why}`);
}
