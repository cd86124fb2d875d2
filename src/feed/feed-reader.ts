import { Inject, Injectable } from '@nestjs/common';
import type { DaftarEventType } from '../../projections/daftar-events.js';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { RecordedEvent } from '../event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { LedgerTree } from '../ledger/ledger-tree.js';
import { DomainError } from '../shared/domain-error.js';
import { toCloudEvent, type CloudEventJson } from './cloud-event.js';
import type { FeedAudience } from './feed-audience.js';
import { decodeCursor, encodeCursor } from './feed-cursor.js';
import { applyPolicy } from './policy/apply-policy.js';
import { EVENT_POLICIES, FEED_CATEGORIES, PUBLISHED_TYPES } from './policy/event-policies.js';
import { upcast } from './upcasting/upcast.js';
import { LruMap } from '../shared/lru-map.js';
import { laterOrigin, ownOrigin, type StreamOrigin } from './stream-origin.js';

export interface FeedReadOptions {
  readonly limit: number;
  readonly types?: readonly string[];
  readonly categories?: readonly string[];
  readonly municipality?: string;
  /** At most this many events of the log are looked at, published or not; default 10 × limit, ≥ 1000. */
  readonly scanBudget?: number;
}

export interface FeedPage {
  readonly events: CloudEventJson[];
  /** The cursor after everything this read looked at: the next read starts there. */
  readonly next: string;
}

/** Origins of this many streams are kept, the least recently used forgotten; an origin never changes. */
const ORIGINS_KEPT = 10_000;
const MIN_BATCH = 64;

/** An event this audience may see, with what its CloudEvent needs besides the event. */
interface Visible {
  readonly event: RecordedEvent;
  readonly category: string;
  readonly municipality: string | undefined;
}

/**
 * Reads the log for one audience as CloudEvents: the feed, its stream and webhooks page through it
 * alike. Types and categories are filtered by the store; scope and the data policy in memory.
 */
@Injectable()
export class FeedReader {
  private readonly origins = new LruMap<string, StreamOrigin>(ORIGINS_KEPT);

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LedgerTree) private readonly ledger: Pick<LedgerTree, 'leafIndexesOf'>,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'publicUrl'>,
  ) {}

  async read(audience: FeedAudience, after: string | undefined, options: FeedReadOptions): Promise<FeedPage> {
    let position = after === undefined ? undefined : this.positionOf(after);
    const types = this.typesFor(audience, options);
    if (types.length === 0)
      return { events: [], next: encodeCursor((await this.store.headPosition()) ?? position) };
    const categories = [...new Set(types.map(categoryOf))];
    const budget = options.scanBudget ?? Math.max(1000, options.limit * 10);
    const events: CloudEventJson[] = [];
    let scanned = 0;
    while (events.length < options.limit && scanned < budget) {
      const maxCount = Math.min(budget - scanned, Math.max(options.limit - events.length, MIN_BATCH));
      const page = await this.store.readAll(position, { maxCount, types, categories });
      const origins = await this.originsOf(page.events, audience);
      const visible: Visible[] = [];
      for (const [index, event] of page.events.entries()) {
        scanned += 1;
        position = event.position;
        const shown = this.visible(event, origins[index]!, audience, options.municipality);
        if (shown) visible.push(shown);
        if (events.length + visible.length === options.limit) break;
      }
      events.push(...this.publish(visible, audience));
      if (events.length === options.limit) return { events, next: encodeCursor(position) };
      position = page.nextPosition ?? position;
      if (page.events.length < maxCount) break;
    }
    return { events, next: encodeCursor(position) };
  }

  /** The event with what its CloudEvent needs, or undefined when this audience may not see it. */
  private visible(
    event: RecordedEvent,
    origin: StreamOrigin,
    audience: FeedAudience,
    municipality: string | undefined,
  ): Visible | undefined {
    const policy = EVENT_POLICIES[event.type as DaftarEventType];
    if (!policy?.published) return undefined;
    if (policy.staffOnly && audience.organisation !== undefined) return undefined;
    if (audience.types && !audience.types.includes(event.type)) return undefined;
    if (audience.categories && !audience.categories.includes(policy.category)) return undefined;
    if (audience.municipalities && !audience.municipalities.includes(origin.municipality ?? ''))
      return undefined;
    if (municipality !== undefined && origin.municipality !== municipality) return undefined;
    if (audience.organisation !== undefined && origin.organisation !== audience.organisation)
      return undefined;
    return { event, category: policy.category, municipality: origin.municipality };
  }

  /** The events as this audience may see them, their leaves in the ledger looked up at once. */
  private publish(visible: readonly Visible[], audience: FeedAudience): CloudEventJson[] {
    const leaves = this.ledger.leafIndexesOf(visible.map(({ event }) => event.id));
    return visible.map(({ event, category, municipality }) => {
      const leafIndex = leaves.get(event.id);
      const current = upcast(event);
      return toCloudEvent(event, applyPolicy(current, audience), {
        category,
        version: current.version,
        publicUrl: this.config.publicUrl,
        ...(municipality ? { municipality } : {}),
        cursor: encodeCursor(event.position),
        ...(leafIndex !== undefined ? { leafIndex } : {}),
      });
    });
  }

  /**
   * Each event's origin, in order. A later event needs its stream's first one only for what it does
   * not say itself: its place, or the organisation when the audience is one. A first event read in
   * the page is kept for the later ones; the rest are read from their streams.
   */
  private async originsOf(events: readonly RecordedEvent[], audience: FeedAudience): Promise<StreamOrigin[]> {
    const owns = events.map(ownOrigin);
    const firsts = new Map<string, StreamOrigin | undefined>();
    events.forEach((event, index) => {
      const own = owns[index]!;
      if (event.revision === 0n) {
        this.origins.set(event.stream, own);
        firsts.set(event.stream, own);
      } else if (needsFirst(own, audience) && !firsts.has(event.stream)) {
        firsts.set(event.stream, this.origins.get(event.stream));
      }
    });
    for (const [stream, known] of firsts) {
      if (known) continue;
      const [head] = await this.store.readStream(stream, { maxCount: 1 });
      const first = head ? ownOrigin(head) : {};
      this.origins.set(stream, first);
      firsts.set(stream, first);
    }
    return events.map((event, index) => {
      const first = event.revision === 0n ? undefined : firsts.get(event.stream);
      return first ? laterOrigin(owns[index]!, first) : owns[index]!;
    });
  }

  private positionOf(cursor: string): string | undefined {
    return decodeCursor(cursor, (position) => {
      try {
        this.store.comparePositions(position, position);
        return true;
      } catch {
        return false;
      }
    });
  }

  /** Published types the audience may see and the request asks for; unknown names are refused. */
  private typesFor(audience: FeedAudience, options: FeedReadOptions): DaftarEventType[] {
    const unknownType = options.types?.find((t) => !(PUBLISHED_TYPES as readonly string[]).includes(t));
    if (unknownType !== undefined)
      throw unknown('FEED.UNKNOWN_TYPE', `No published event type ${unknownType}`);
    const unknownCategory = options.categories?.find((c) => !FEED_CATEGORIES.includes(c));
    if (unknownCategory !== undefined)
      throw unknown('FEED.UNKNOWN_CATEGORY', `No published category ${unknownCategory}`);
    const within = (list: readonly string[] | undefined, name: string) => !list || list.includes(name);
    return PUBLISHED_TYPES.filter(
      (type) =>
        within(audience.types, type) &&
        within(options.types, type) &&
        within(audience.categories, categoryOf(type)) &&
        within(options.categories, categoryOf(type)),
    );
  }
}

function needsFirst(own: StreamOrigin, audience: FeedAudience): boolean {
  return own.municipality === undefined || audience.organisation !== undefined;
}

function categoryOf(type: DaftarEventType): string {
  const policy = EVENT_POLICIES[type];
  return policy.published ? policy.category : '';
}

function unknown(code: string, message: string): DomainError {
  return new DomainError(code, message, 'invalid');
}
