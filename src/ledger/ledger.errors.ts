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

// Echoed back, so cut short: a request path may be kilobytes long.
const shown = (path: string) => (path.length > 100 ? `${path.slice(0, 100)}…` : path);

export const invalidTilePath = (path: string) =>
  new DomainError(
    'LEDGER.INVALID_TILE_PATH',
    `${shown(path)} is not a tile path: tile/<L>/<N>[.p/<W>], N in 3-digit groups (x001/x234/067)`,
    'invalid',
  );

export const noSuchTile = (path: string, signed: number) =>
  new DomainError(
    'LEDGER.NO_SUCH_TILE',
    `${shown(path)} is not in the latest signed checkpoint (${signed} leaves)`,
    'not_found',
    { latest: signed },
  );
