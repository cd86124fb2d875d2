import { openCheckpoint, type Checkpoint } from '../../../signing/transparency/checkpoint.js';
import { equalHashes } from '../../../signing/transparency/merkle-hashes.js';
import { verifyConsistency, verifyInclusion } from '../../../signing/transparency/merkle-verify.js';
import {
  hex8,
  NoteError,
  parseVerifierKey,
  type NoteVerifier,
} from '../../../signing/transparency/note-verifier-key.js';
import {
  CHECK_EXIT,
  failed,
  type Fetch,
  type Inclusion,
  LedgerApi,
  LedgerCheckFailure,
} from './ledger-api.js';

export interface LedgerCheckRequest {
  /** The deployment's public URL. */
  readonly url: string;
  /** The pinned verifier key; without it, the key the deployment serves is trusted on first use. */
  readonly key?: string;
  /** The log's name in its checkpoints; `<host of url>/daftar` by default. */
  readonly origin?: string;
  /** The signed checkpoint an earlier run saved. */
  readonly state?: string;
  readonly eventId?: string;
  readonly document?: string;
}

export interface LedgerCheckReport {
  /** What held, in the order it was checked. */
  readonly lines: readonly string[];
  readonly warnings: readonly string[];
  /** The largest checkpoint verified, for the next run to start from. */
  readonly state: SignedCheckpoint;
}

export interface SignedCheckpoint extends Checkpoint {
  readonly note: string;
}

/**
 * What an auditor runs against a deployment's public API: opens its latest checkpoint with the
 * verifier key, proves it consistent with the one saved by the last run (RFC 9162 §2.1.4.2), and
 * proves an event's or a document's leaf in it (§2.1.3.2). Throws LedgerCheckFailure on the first
 * thing that does not hold.
 */
export async function checkLedger(request: LedgerCheckRequest, fetch: Fetch): Promise<LedgerCheckReport> {
  const api = new LedgerApi(request.url, fetch);
  const origin = request.origin ?? `${new URL(request.url).host}/daftar`;
  const lines: string[] = [];
  const warnings: string[] = [];
  const verifier = await verifierOf(request.key, api, warnings);
  const open = (note: string, name: string): Named => {
    try {
      return { ...openCheckpoint(note, origin, [verifier]).checkpoint, note, name };
    } catch (error) {
      if (!(error instanceof NoteError)) throw error;
      throw failed(`${name[0]!.toUpperCase()}${name.slice(1)} does not verify: ${error.message}`);
    }
  };

  const latest = open(await api.checkpoint(), 'the served checkpoint');
  lines.push(
    `Checkpoint of ${origin}: ${latest.size} leaves, root ${b64(latest.rootHash)}, ` +
      `signed by ${verifier.name}+${hex8(verifier.keyId)}`,
  );
  const saved = request.state === undefined ? undefined : open(request.state, 'the saved checkpoint');
  if (saved) lines.push(await grownFrom(api, saved, latest));
  if (request.eventId !== undefined) {
    const proof = await api.eventInclusion(request.eventId, latest.size);
    lines.push(`Event ${request.eventId}: ${included(proof, latest)}`);
  }
  if (request.document === undefined) return { lines, warnings, state: latest };

  const document = await api.documentInclusion(request.document);
  const signed = open(document.checkpoint, 'the document’s checkpoint');
  lines.push(
    `Document ${request.document} (${document.kind}, ${document.status}): ${included(document, signed)}`,
  );
  // Both are the server's latest at the time it was asked: either may be the larger.
  const [older, newer] = signed.size < latest.size ? [signed, latest] : [latest, signed];
  lines.push(await grownFrom(api, older, newer));
  if (saved) lines.push(await grownFrom(api, saved, signed));
  return { lines, warnings, state: newer };
}

async function verifierOf(
  key: string | undefined,
  api: LedgerApi,
  warnings: string[],
): Promise<NoteVerifier> {
  if (key !== undefined) {
    try {
      return parseVerifierKey(key.trim());
    } catch (error) {
      throw new LedgerCheckFailure(CHECK_EXIT.unusable, `--key: ${(error as Error).message}`);
    }
  }
  const served = await api.verifierKey();
  warnings.push(
    `Warning: trusting the verifier key the server serves, ${served}, on first use. ` +
      'A careful auditor pins the key published elsewhere with --key or --key-file.',
  );
  try {
    return parseVerifierKey(served);
  } catch (error) {
    throw failed(`The served verifier key is not a signed-note key: ${(error as Error).message}`);
  }
}

/** That the log of `newer` holds the log of `older` unchanged; anything else is a fork. */
async function grownFrom(api: LedgerApi, older: Named, newer: Named): Promise<string> {
  const fork = (why: string) =>
    failed(
      `The log was rewritten (fork): ${why}. Keep both signed checkpoints: together they prove it.\n` +
        `${older.note}\n${newer.note}`,
    );
  if (newer.size < older.size) {
    throw fork(
      `${newer.name} has ${newer.size} leaves, fewer than the ${older.size} of ${older.name} ` +
        '(unless the server is rebuilding its tree and a later run passes)',
    );
  }
  if (newer.size === older.size) {
    if (!equalHashes(older.rootHash, newer.rootHash)) {
      throw fork(`${older.name} and ${newer.name} both have ${newer.size} leaves, but different roots`);
    }
    return `Consistent: ${older.name} and ${newer.name} are the same tree of ${newer.size} leaves`;
  }
  const proof = older.size === 0 ? [] : await api.consistency(older.size, newer.size);
  if (!verifyConsistency(older.size, newer.size, proof, older.rootHash, newer.rootHash)) {
    throw fork(
      `the consistency proof from ${older.name} (${older.size} leaves) to ${newer.name} ` +
        `(${newer.size} leaves) does not verify`,
    );
  }
  return `Consistent: ${older.name} (${older.size} leaves) grew to ${newer.name} (${newer.size}) unchanged`;
}

function included(proof: Inclusion, checkpoint: SignedCheckpoint): string {
  if (proof.treeSize !== checkpoint.size) {
    throw failed(
      `The inclusion proof is for ${proof.treeSize} leaves, the checkpoint has ${checkpoint.size}`,
    );
  }
  if (!verifyInclusion(proof.leafHash, proof.leafIndex, proof.treeSize, proof.proof, checkpoint.rootHash)) {
    throw failed(`The inclusion proof of leaf ${proof.leafIndex} does not verify against the signed root`);
  }
  return `leaf ${proof.leafIndex} (leaf hash ${b64(proof.leafHash)}) is in the signed tree of ${checkpoint.size} leaves`;
}

type Named = SignedCheckpoint & { readonly name: string };

const b64 = (hash: Uint8Array) => Buffer.from(hash).toString('base64');
