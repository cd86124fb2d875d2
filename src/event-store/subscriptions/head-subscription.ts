import type { EventStore, ReadAllOptions, Subscription, SubscriptionHandler } from '../event-store.port.js';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * A subscription to what is appended from now on. The head is asked for until the store answers (with
 * backoff), so a store that is down at start delays the subscription, not the application's start.
 */
export class HeadSubscription {
  private subscription: Subscription | undefined;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly handler: SubscriptionHandler,
    private readonly filter: ReadAllOptions,
    private readonly onRetry: (error: unknown) => void = () => {},
  ) {}

  /** Resolves once subscribed, or once the first try failed and the next is scheduled. */
  async start(delayMs = FIRST_RETRY_MS): Promise<void> {
    if (this.stopped) return;
    try {
      const head = await this.store.headPosition();
      if (!this.stopped) this.subscription = this.store.subscribeAll(head, this.handler, this.filter);
    } catch (error) {
      if (this.stopped) return;
      this.onRetry(error);
      this.retry = setTimeout(() => void this.start(Math.min(delayMs * 2, MAX_RETRY_MS)), delayMs);
      this.retry.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.subscription?.stop();
  }
}
