import type { DaftarEvent, DaftarEventType } from '../../../projections/daftar-events.js';

/** The data of every event type, by type: the generator's one input, so one program serves them all. */
export type EventDataByType = {
  [T in DaftarEventType]: Extract<DaftarEvent, { readonly type: T }>['data'];
};
