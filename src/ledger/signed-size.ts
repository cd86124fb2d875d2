import type { LedgerCheckpoints } from './ledger-checkpoints.js';
import { beyondCheckpoint, noCheckpointYet } from './ledger.errors.js';

/**
 * A tree size proofs may be given for: one no larger than the latest checkpoint (the latest's when
 * none is asked), since a proof is only worth checking against a signed root.
 */
export function signedSize(checkpoints: LedgerCheckpoints, asked: number | undefined): number {
  const latest = checkpoints.latest();
  if (!latest) throw noCheckpointYet();
  const size = asked ?? latest.size;
  if (size > latest.size) throw beyondCheckpoint(size, latest.size);
  return size;
}
