import { randomBytes } from 'node:crypto';
import type { NewEvent } from '../../src/event-store/event-envelope.js';
import { newId } from '../../src/shared/ids.js';
import { round } from '../figure.js';

/**
 * The append figures' workload, the same for Daftar's store, its raw-SQLite floor and the peer store
 * (issue 18). Real streams are short (a permit's life is tens of events), so writers move on to a new
 * stream after STREAM_LENGTH events.
 */
export const STREAM_LENGTH = 20;
const TYPES = ['PermitApplicationFiled', 'DocumentUploaded', 'FeeAssessed', 'SurveyorAssigned'];

export interface Template {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: NewEvent['metadata'];
}

/**
 * Permit-like payloads: 300–500 bytes of JSON data and the metadata every real event carries. They are
 * built once, so that every store pays only for a fresh event id and the JSON serialisation per
 * event, and the figures compare storage rather than test-data generation.
 */
export const templates: readonly Template[] = Array.from({ length: 1024 }, (_, i) => {
  const commandId = newId();
  return {
    type: TYPES[i % TYPES.length]!,
    data: {
      permitId: newId(),
      renewalCode: `3-${i % 12}-${100 + (i % 400)}-27-0-0-0`,
      kind: 'new-construction',
      applicant: { id: `user-${newId()}`, fullName: 'مریم احمدی', nationalId: '0012345678' },
      parcel: { areaM2: 248.5, zone: 'R-121' },
      requested: { floors: 4, units: 8, densityPercent: 180 },
      document: { id: newId(), kind: 'deed', sha256: randomBytes(32).toString('hex') },
    },
    metadata: {
      actor: { id: `user-${newId()}`, role: 'citizen', municipality: 'hamedan' },
      correlationId: commandId,
      causationId: commandId,
      recordedAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
});
let next = 0;

/** The templates in turn. */
export function nextTemplate(): Template {
  return templates[next++ % templates.length]!;
}

export const meanDataBytes = round(
  templates.reduce((sum, t) => sum + Buffer.byteLength(JSON.stringify(t.data)), 0) / templates.length,
);
export const meanMetadataBytes = round(
  templates.reduce((sum, t) => sum + Buffer.byteLength(JSON.stringify(t.metadata)), 0) / templates.length,
);
