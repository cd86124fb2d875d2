import type { RecordedEvent } from '../event-envelope.js';
import type { SubscriptionRefused } from '../event-store.errors.js';
import type { ReadAllResult, Subscription, SubscriptionHandler } from '../event-store.port.js';

/** Events a subscription reads at a time. */
export const SUBSCRIPTION_PAGE = 512;

/**
 * Catch-up then live over a log that can be read by position: read pages after the last delivered
 * position until a read comes back empty, signal caught up, wait for the next append, repeat. The empty
 * read and the wait start in the same turn of the event loop, so no append can slip between them.
 */
export class PollingSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  readonly stopped: Promise<void>;
  private signalCaughtUp!: () => void;
  private isStopped = false;
  private wakeUp: (() => void) | undefined;

  constructor(
    private position: string | undefined,
    private readonly handler: SubscriptionHandler,
    private readonly readPage: (after: string | undefined) => ReadAllResult,
    private readonly waitForAppend: () => Promise<void>,
    /** Why it cannot start at all (a start past the end of the log): reported, and nothing delivered. */
    private readonly refusal: () => SubscriptionRefused | undefined = () => undefined,
  ) {
    this.caughtUp = new Promise((resolve) => (this.signalCaughtUp = resolve));
    this.stopped = this.run();
  }

  async stop(): Promise<void> {
    this.isStopped = true;
    this.wakeUp?.();
    await this.stopped;
  }

  /** Hands a page over, whole when the handler takes pages; false once the subscription has stopped. */
  private async deliver(events: readonly RecordedEvent[]): Promise<boolean> {
    if (this.handler.onEvents && events.length > 0) {
      if (this.isStopped) return false;
      try {
        await this.handler.onEvents(events);
      } catch {
        // Nothing of the page took effect; one event at a time, the failing one is named.
        return this.deliverEach(events);
      }
      this.position = events.at(-1)!.position;
      return true;
    }
    return this.deliverEach(events);
  }

  private async deliverEach(events: readonly RecordedEvent[]): Promise<boolean> {
    for (const event of events) {
      if (this.isStopped) return false;
      try {
        await this.handler.onEvent(event);
      } catch (error) {
        this.isStopped = true;
        this.handler.onError?.(error, event);
        return false;
      }
      this.position = event.position;
    }
    return true;
  }

  private async run(): Promise<void> {
    await Promise.resolve();
    const refused = this.refusal();
    if (refused) {
      this.isStopped = true;
      this.handler.onFailure?.(refused);
      return;
    }
    while (!this.isStopped) {
      const page = this.readPage(this.position);
      if (!(await this.deliver(page.events))) return;
      this.position = page.nextPosition ?? this.position;
      // Handling awaited, so more may have been appended meanwhile: only an empty read is caught up.
      if (page.events.length > 0) {
        // Reads and handlers are synchronous: between full pages of a backlog the event loop answers
        // requests, timers and signals, or catching up on a province's log would hold the server deaf
        // for minutes. A short page is the live edge: read on at once, to see it empty.
        if (page.events.length >= SUBSCRIPTION_PAGE)
          await new Promise<void>((resolve) => setImmediate(resolve));
        continue;
      }
      this.handler.onCaughtUp?.(this.position);
      this.signalCaughtUp();
      if (this.isStopped) return;
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve;
        void this.waitForAppend().then(resolve);
      });
      this.wakeUp = undefined;
    }
  }
}
