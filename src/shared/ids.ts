import { v7 } from 'uuid';

/** UUIDv7: time-ordered, so ids sort roughly by creation and index well. */
export function newId(): string {
  return v7();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Whether a string can be an id of ours, before it names a stream. Lower case only: ids are compared as
 * strings, so one id must have one spelling.
 */
export function isId(value: string): boolean {
  return UUID.test(value);
}
