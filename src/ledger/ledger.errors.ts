import { DomainError } from '../shared/domain-error.js';

export const noCheckpointYet = () =>
  new DomainError('LEDGER.NO_CHECKPOINT', 'No checkpoint has been signed yet', 'not_found');

export const beyondCheckpoint = (size: number, latest: number) =>
  new DomainError(
    'LEDGER.BEYOND_CHECKPOINT',
    `Tree size ${size} is beyond the latest checkpoint (${latest}): proofs are given against signed sizes only`,
    'invalid',
    { latest },
  );

export const invalidProofRequest = (why: string) =>
  new DomainError('LEDGER.INVALID_PROOF_REQUEST', why, 'invalid');

export const unknownEvent = () =>
  new DomainError('LEDGER.UNKNOWN_EVENT', 'No leaf of the ledger is this event (yet)', 'not_found');
