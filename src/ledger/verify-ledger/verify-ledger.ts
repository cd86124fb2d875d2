import { openCheckpoint } from '../../../signing/transparency/checkpoint.js';
import { equalHashes } from '../../../signing/transparency/merkle-hashes.js';
import { MerkleFrontier } from '../../../signing/transparency/merkle-frontier.js';
import type { NoteVerifier } from '../../../signing/transparency/note-verifier-key.js';
import type { EventStore } from '../../event-store/event-store.port.js';
import { eventLeafHash } from '../event-leaf.js';
import type { StoredLeaf } from './stored-leaves.js';

export interface CheckpointToCheck {
  readonly size: number;
  readonly note: string;
  /** Where it was kept, when not in ledger.db. */
  readonly source?: string;
}

export interface LedgerToVerify {
  readonly store: Pick<EventStore, 'readAll'>;
  /** Oldest first. */
  readonly checkpoints: Iterable<CheckpointToCheck>;
  /**
   * Checkpoints kept outside the data directory (a witness's, ledger:check's state file), any order:
   * whoever can rewrite events.db can also delete the checkpoints of ledger.db.
   */
  readonly kept?: readonly CheckpointToCheck[];
  readonly origin: string;
  readonly verifier: NoteVerifier;
  /** The tree the server built, when at hand: it names the first leaf that differs from the log. */
  readonly storedTree?: { readonly size: number; leaf(index: number): StoredLeaf | undefined };
}

export type LedgerVerdict =
  | { readonly ok: true; readonly leaves: number; readonly checkpoints: number; readonly root: string }
  | {
      readonly ok: false;
      readonly leaf: number;
      readonly stored: { readonly eventId: string; readonly leafHash: string };
      /** Absent when the log ends before the stored tree does. */
      readonly found?: { readonly eventId: string; readonly leafHash: string };
    }
  | { readonly ok: false; readonly checkpoint: number; readonly source?: string; readonly why: string };

const PAGE = 1000;
const b64 = (hash: Uint8Array) => Buffer.from(hash).toString('base64');

/**
 * Recomputes the tree from the whole log, in log order, keeping only its frontier, and checks every
 * checkpoint (signature, origin, root) when the log reaches its size, and each leaf against the
 * stored tree. Stops at the first thing that no longer holds.
 */
export async function verifyLedger(ledger: LedgerToVerify): Promise<LedgerVerdict> {
  const frontier = new MerkleFrontier();
  const checkpoints = bySize(ledger.checkpoints, ledger.kept ?? [])[Symbol.iterator]();
  let next = checkpoints.next();
  let checked = 0;
  let heldAt = 0;
  const checkReached = (): LedgerVerdict | undefined => {
    for (; !next.done && next.value.size <= frontier.size; next = checkpoints.next(), checked += 1) {
      const why = brokenCheckpoint(next.value, frontier, ledger);
      if (why !== undefined) {
        const where = `; a leaf in [${heldAt}, ${next.value.size}) differs`;
        return broken(next.value, why + (why.startsWith('root') ? where : ''));
      }
      heldAt = next.value.size;
    }
    return undefined;
  };

  let position: string | undefined;
  for (;;) {
    const broken = checkReached();
    if (broken) return broken;
    const { events, nextPosition } = await ledger.store.readAll(position, { maxCount: PAGE });
    if (events.length === 0) break;
    for (const event of events) {
      const index = frontier.size;
      const hash = eventLeafHash(event);
      const stored = index < (ledger.storedTree?.size ?? 0) ? ledger.storedTree!.leaf(index) : undefined;
      if (stored && (stored.eventId !== event.id || !equalHashes(stored.hash, hash))) {
        return {
          ok: false,
          leaf: index,
          stored: { eventId: stored.eventId, leafHash: b64(stored.hash) },
          found: { eventId: event.id, leafHash: b64(hash) },
        };
      }
      frontier.append(hash);
      const brokenHere = checkReached();
      if (brokenHere) return brokenHere;
    }
    position = nextPosition;
  }
  if (!next.done) {
    return broken(next.value, `beyond the log, which has ${frontier.size} events: events were deleted`);
  }
  const missing = ledger.storedTree?.leaf(frontier.size);
  if (missing) {
    return {
      ok: false,
      leaf: frontier.size,
      stored: { eventId: missing.eventId, leafHash: b64(missing.hash) },
    };
  }
  return { ok: true, leaves: frontier.size, checkpoints: checked, root: b64(frontier.root()) };
}

const broken = ({ size, source }: CheckpointToCheck, why: string): LedgerVerdict => ({
  ok: false,
  checkpoint: size,
  ...(source !== undefined && { source }),
  why,
});

/** Both, by size; `kept` is small enough to sort in memory, ledger.db's are read a page at a time. */
function* bySize(
  stored: Iterable<CheckpointToCheck>,
  kept: readonly CheckpointToCheck[],
): Generator<CheckpointToCheck> {
  const outside = [...kept].sort((a, b) => a.size - b.size);
  let next = 0;
  for (const checkpoint of stored) {
    for (; next < outside.length && outside[next]!.size <= checkpoint.size; next += 1) yield outside[next]!;
    yield checkpoint;
  }
  yield* outside.slice(next);
}

/** Why a checkpoint of the log's current size does not hold, or undefined when it does. */
function brokenCheckpoint(
  stored: CheckpointToCheck,
  frontier: MerkleFrontier,
  { origin, verifier }: LedgerToVerify,
): string | undefined {
  let signed;
  try {
    signed = openCheckpoint(stored.note, origin, [verifier]).checkpoint;
  } catch (error) {
    return `bad signature or note: ${(error as Error).message}`;
  }
  if (signed.size !== stored.size) return `the signed note is of size ${signed.size}`;
  const root = frontier.root();
  if (!equalHashes(signed.rootHash, root)) {
    return `root mismatch: signed ${b64(signed.rootHash)}, the log gives ${b64(root)}`;
  }
  return undefined;
}

/** One line: the summary when everything holds, else what no longer does. */
export function formatVerdict(verdict: LedgerVerdict): string {
  if (verdict.ok) {
    return `Ledger OK: ${verdict.leaves} leaves, ${verdict.checkpoints} checkpoint(s) checked, root ${verdict.root}`;
  }
  if ('checkpoint' in verdict) {
    const kept = verdict.source === undefined ? '' : ` kept in ${verdict.source}`;
    return `Ledger BROKEN: the checkpoint of size ${verdict.checkpoint}${kept} no longer holds: ${verdict.why}`;
  }
  const { leaf, stored, found } = verdict;
  const was = `the stored tree has event ${stored.eventId} (leaf hash ${stored.leafHash})`;
  const is = found
    ? `the log has event ${found.eventId} (leaf hash ${found.leafHash})`
    : 'the log has no such event';
  return `Ledger BROKEN: leaf ${leaf} differs: ${was}, ${is}`;
}
