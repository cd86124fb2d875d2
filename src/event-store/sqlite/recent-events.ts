import { deepFreeze } from '../../shared/deep-freeze.js';
import { categoryOf, type RecordedEvent } from '../event-envelope.js';
import type { ReadAllOptions } from '../event-store.port.js';

/** A page of the log, as `readAll` answers it, in numeric positions. */
export interface RecentPage {
  readonly events: RecordedEvent[];
  /** The last position looked at, past what the filter skipped. */
  readonly reached: number;
}

/**
 * The newest events this process committed, in memory and in log order, so that live subscribers
 * (a dozen or more, each reading every commit) read them without a query and without parsing JSON
 * again. It holds a contiguous run of positions ending at the head this process wrote; anything
 * older, or a log another process wrote to, is read from the database instead.
 */
export class RecentEvents {
  private events: RecordedEvent[] = [];

  constructor(private readonly capacity = 10_000) {}

  /** Adds the events of one commit, which follow the ones held (or starts a new run). */
  add(committed: readonly RecordedEvent[]): void {
    if (committed.length === 0) return;
    // Every subscriber gets these very objects: none may change what another reads.
    committed.forEach(deepFreeze);
    const next = Number(committed[0]!.position);
    if (this.events.length > 0 && next !== this.last() + 1) this.events = [];
    this.events.push(...committed);
    if (this.events.length > 2 * this.capacity) this.events = this.events.slice(-this.capacity);
  }

  clear(): void {
    this.events = [];
  }

  /** The events after `after` that pass the filter, at most `limit`; undefined when not all held. */
  page(after: number, filter: ReadAllOptions, limit: number): RecentPage | undefined {
    if (this.events.length === 0) return undefined;
    const first = Number(this.events[0]!.position);
    if (after < first - 1) return undefined;
    const types = filter.types;
    const categories = filter.categories;
    const events: RecordedEvent[] = [];
    for (let i = Math.max(0, after - first + 1); i < this.events.length; i += 1) {
      const event = this.events[i]!;
      if (types?.length && !types.includes(event.type)) continue;
      if (categories?.length && !categories.includes(categoryOf(event.stream))) continue;
      events.push(event);
      if (events.length === limit) return { events, reached: Number(event.position) };
    }
    return { events, reached: Math.max(after, this.last()) };
  }

  private last(): number {
    return Number(this.events[this.events.length - 1]!.position);
  }
}
