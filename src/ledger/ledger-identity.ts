import { createPublicKey } from 'node:crypto';
import {
  NoteError,
  type NoteSigner,
  type NoteVerifier,
  parseVerifierKey,
  privateKeyFrom,
  verifierKeyOf,
} from '../../signing/transparency/note-verifier-key.js';
import { openNote } from '../../signing/transparency/signed-note.js';
import { ConfigError } from '../config/app-config.js';
import type { CheckpointLog } from './checkpoint-log.js';
import { ledgerOrigin } from './ledger-key.js';

/** The origin a checkpoint's note names: its first line. */
export const originOf = (note: string): string => note.slice(0, note.indexOf('\n'));

/**
 * Why `verifier` is not the key of the log whose checkpoint `note` is (another name, or no signature
 * of it), or undefined when it is. A signature of the key that fails is not this: that is tampering.
 */
export function notTheLogsKey(note: string, verifier: NoteVerifier): string | undefined {
  const origin = originOf(note);
  if (origin !== verifier.name) return `the log is ${origin}, the key is named ${verifier.name}`;
  try {
    openNote(note, [verifier]);
  } catch (error) {
    if (error instanceof NoteError && error.code === 'NOTE.UNVERIFIED') {
      return `it did not sign the log's first checkpoint`;
    }
  }
  return undefined;
}

/**
 * The log's origin: fixed by its first checkpoint, which verifiers have kept, so it never follows a
 * changed DAFTAR_PUBLIC_URL; before any, the key's name. Refuses a key that is not the log's, since
 * the served key must verify the served checkpoints.
 */
export function ledgerIdentity(log: Pick<CheckpointLog, 'after'>, signer: NoteSigner): string {
  const [first] = log.after(-1, 1);
  if (!first) return signer.name;
  const publicKey = createPublicKey(privateKeyFrom(signer.privateKey));
  const why = notTheLogsKey(first.note, parseVerifierKey(verifierKeyOf(signer.name, publicKey)));
  if (why !== undefined) throw new ConfigError('DAFTAR_LEDGER_KEY', `the key is not this log's: ${why}`);
  return originOf(first.note);
}

/** What to tell the operator when the public URL no longer names the log, or undefined. */
export function renamedUrlWarning(origin: string, publicUrl: string): string | undefined {
  const fromUrl = ledgerOrigin(publicUrl);
  if (fromUrl === origin) return undefined;
  return (
    `The ledger is ${origin}, not ${fromUrl} of DAFTAR_PUBLIC_URL: a log keeps the name its ` +
    `checkpoints were signed with, so checkpoints stay ${origin}; verifiers pass --origin ${origin}.`
  );
}
