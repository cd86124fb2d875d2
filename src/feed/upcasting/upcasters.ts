import type { DaftarEventType } from '../../../projections/daftar-events.js';

/** One step of an event type's shape: the data of version N in, the data of version N + 1 out; pure. */
export type Upcaster = (data: unknown) => unknown;

/**
 * Each event type's upcasters, oldest step first: the first turns version 1 into 2, the next 2 into 3.
 * A type's current version is one more than its number of steps, so the two can never disagree; the
 * TypeScript type in its `*.events.ts` always describes the current version.
 */
export type UpcasterTable = { readonly [T in DaftarEventType]?: readonly Upcaster[] };

/**
 * No event type has changed shape since it was first written: every stored event is still a valid
 * instance of today's type (fields added later, such as a municipality's `province`, are optional in
 * new events too), so every type is at version 1. A type whose shape changes gets its step here, its
 * `*.events.ts` the new shape, and the command side writes the new version (see upcasting.unit.spec).
 */
export const UPCASTERS: UpcasterTable = {};
