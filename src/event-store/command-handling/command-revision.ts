import { AsyncLocalStorage } from 'node:async_hooks';

/** The stream a request acted on first, and its revision after the request's commands on it. */
export interface RevisionSlot {
  stream?: string;
  revision?: bigint;
}

const slots = new AsyncLocalStorage<RevisionSlot>();

/**
 * Runs `work` with a fresh slot that every command it runs reports to, so the HTTP layer can answer
 * the revision (as the ETag) without each use case passing it up. Outside such a run (reactions,
 * scripts) reporting does nothing.
 */
export function collectingRevision<T>(work: () => T): { readonly slot: RevisionSlot; readonly result: T } {
  const slot: RevisionSlot = {};
  return { slot, result: slots.run(slot, work) };
}

/** A command on a second stream (a document it issued, a counter it bumped) does not change the answer. */
export function reportRevision(stream: string, revision: bigint | undefined): void {
  const slot = slots.getStore();
  if (!slot || revision === undefined) return;
  slot.stream ??= stream;
  if (slot.stream === stream && (slot.revision === undefined || revision > slot.revision)) {
    slot.revision = revision;
  }
}
