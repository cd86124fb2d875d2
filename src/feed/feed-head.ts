import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type Subscription } from '../event-store/event-store.port.js';
import { PUBLISHED_TYPES } from './policy/event-policies.js';

/**
 * One in-process signal that the log has grown by a published event, shared by every live reader of
 * the feed: one store subscription however many streams are open. A reader takes `moved()` before it
 * reads, so an event appended after its read began always wakes it.
 */
@Injectable()
export class FeedHead implements OnApplicationBootstrap, OnModuleDestroy {
  private subscription: Subscription | undefined;
  private wake!: () => void;
  private next = this.nextMove();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    const moved = () => this.move();
    this.subscription = this.store.subscribeAll(
      head,
      { onEvent: moved, onEvents: moved },
      { types: PUBLISHED_TYPES },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.subscription?.stop();
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
