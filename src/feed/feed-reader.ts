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

/** Origins of this many streams are kept: a page touches far fewer, a stream's origin never changes. */
const ORIGINS_KEPT = 10_000;
const MIN_BATCH = 64;

/**
 * Reads the log for one audience as CloudEvents: the feed, its stream and webhooks page through it
 * alike. Types and categories are filtered by the store; scope and the data policy in memory.
 */
@Injectable()
export class FeedReader {
  private readonly origins = new Map<string, StreamOrigin>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(LedgerTree) private readonly ledger: Pick<LedgerTree, 'leafIndexOf'>,
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
      for (const event of page.events) {
        scanned += 1;
        position = event.position;
        const published = await this.publish(event, audience, options.municipality);
        if (published) events.push(published);
        if (events.length === options.limit) return { events, next: encodeCursor(position) };
      }
      position = page.nextPosition ?? position;
      if (page.events.length < maxCount) break;
    }
    return { events, next: encodeCursor(position) };
  }

  /** The event as this audience may see it, or undefined when it may not. */
  private async publish(
    event: RecordedEvent,
    audience: FeedAudience,
    municipality: string | undefined,
  ): Promise<CloudEventJson | undefined> {
    const policy = EVENT_POLICIES[event.type as DaftarEventType];
    if (!policy?.published) return undefined;
    if (audience.types && !audience.types.includes(event.type)) return undefined;
    if (audience.categories && !audience.categories.includes(policy.category)) return undefined;
    const origin = await this.originOf(event);
    if (audience.municipalities && !audience.municipalities.includes(origin.municipality ?? ''))
      return undefined;
    if (municipality !== undefined && origin.municipality !== municipality) return undefined;
    if (audience.organisation !== undefined && origin.organisation !== audience.organisation)
      return undefined;
    const leafIndex = this.ledger.leafIndexOf(event.id);
    const current = upcast(event);
    return toCloudEvent(event, applyPolicy(current, audience), {
      category: policy.category,
      version: current.version,
      publicUrl: this.config.publicUrl,
      ...(origin.municipality ? { municipality: origin.municipality } : {}),
      cursor: encodeCursor(event.position),
      ...(leafIndex !== undefined ? { leafIndex } : {}),
    });
  }

  private async originOf(event: RecordedEvent): Promise<StreamOrigin> {
    const own = ownOrigin(event);
    if (event.revision === 0n) return own;
    let first = this.origins.get(event.stream);
    if (!first) {
      const [head] = await this.store.readStream(event.stream, { maxCount: 1 });
      first = head ? ownOrigin(head) : {};
      if (this.origins.size >= ORIGINS_KEPT) this.origins.delete(this.origins.keys().next().value!);
      this.origins.set(event.stream, first);
    }
    return laterOrigin(own, first);
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

function categoryOf(type: DaftarEventType): string {
  const policy = EVENT_POLICIES[type];
  return policy.published ? policy.category : '';
}

function unknown(code: string, message: string): DomainError {
  return new DomainError(code, message, 'invalid');
}
