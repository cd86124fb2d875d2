import { v7 } from 'uuid';

/** UUIDv7: time-ordered, so ids sort roughly by creation and index well. */
export function newId(): string {
  return v7();
}
