import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { HeadSubscription } from '../event-store/subscriptions/head-subscription.js';
import { PUBLISHED_TYPES } from './policy/event-policies.js';

/**
 * One in-process signal that the log has grown by a published event, shared by every live reader of
 * the feed: one store subscription however many streams are open. A reader takes `moved()` before it
 * reads, so an event appended after its read began always wakes it.
 */
@Injectable()
export class FeedHead implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly subscription: HeadSubscription;
  private wake!: () => void;
  private next = this.nextMove();

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    const moved = () => this.move();
    const logger = new Logger('FeedHead');
    this.subscription = new HeadSubscription(
      store,
      { onEvent: moved, onEvents: moved },
      { types: PUBLISHED_TYPES },
      (error) => logger.warn(`The live feed waits for the event store: ${String(error)}`),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription.stop();
  }

  /** Resolves the next time a published event is appended. */
  moved(): Promise<void> {
    return this.next;
  }

  private move(): void {
    const wake = this.wake;
    this.next = this.nextMove();
    wake();
  }

  private nextMove(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }
}
