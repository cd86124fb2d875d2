import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { WebhookView } from '../../../projections/webhooks/webhooks.projection.js';
import type { CloudEventJson } from '../../feed/cloud-event.js';
import type { FeedAudience } from '../../feed/feed-audience.js';
import type { FeedReader } from '../../feed/feed-reader.js';
import { retriesExhausted, retryDelayMs } from '../retry-schedule.js';
import { deliveryAudience } from '../webhook-audience.js';
import type { WebhookOwner } from '../webhook.events.js';
import { webhookSignatures } from '../webhook-signature.js';
import type { DeliveryAttempt, EndpointProgress, WebhookDeliveryStore } from './delivery-store.js';
import type { SendOutcome, WebhookMessage } from './webhook-sender.js';

/** Time as the delivery loops see it: injected, so a day of retries passes in a test at once. */
export interface WebhookClock {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  random(): number;
}

export interface WebhookRegistry {
  get(webhookId: string): WebhookView | undefined;
  active(): readonly WebhookView[];
}

export interface DeliveryDeps {
  readonly registry: WebhookRegistry;
  readonly reader: Pick<FeedReader, 'read'>;
  readonly store: WebhookDeliveryStore;
  readonly sender: { send(message: WebhookMessage): Promise<SendOutcome> };
  readonly secrets: { open(sealed: string): string | undefined };
  readonly clock: WebhookClock;
  /** The owner's feed audience as it stands now; undefined once it may no longer read the feed. */
  readonly ownerAudience: (owner: WebhookOwner) => FeedAudience | undefined;
  /** Records that the endpoint is disabled, and why: after a day of failures, a 410, a revoked owner. */
  readonly disable: (webhookId: string, reason: string, failingSince: string) => Promise<void>;
  /** Idle wait between looks for new events. */
  readonly idleMs: number;
  readonly batch: number;
  readonly onError?: (webhookId: string, error: unknown) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

export const OWNER_REVOKED = 'The owner’s access was revoked: it may no longer read the feed';
/** Standard Webhooks: a receiver answering 410 Gone wants no more deliveries. */
export const GONE = 'The endpoint answered 410 Gone';

/**
 * One endpoint's subscriber: reads the feed as its owner may see it, after its own checkpoint, and
 * delivers one event at a time, in log order, retrying the same event until it is taken or the day
 * of retries is over. Endpoints each have a loop, so one that is slow or down delays no other.
 */
export class EndpointLoop {
  private stopped = false;
  private wakeup = new AbortController();
  private running: Promise<void> = Promise.resolve();
  /** The replays this loop has applied: the dispatcher wakes it when the read model counts more. */
  replays = 0;

  constructor(
    readonly webhookId: string,
    private readonly deps: DeliveryDeps,
  ) {}

  get done(): Promise<void> {
    return this.running;
  }

  start(): this {
    this.running = this.run().catch((error: unknown) => this.deps.onError?.(this.webhookId, error));
    return this;
  }

  wake(): void {
    this.wakeup.abort();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeup.abort();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const view = this.active();
      if (!view) return;
      const progress = this.progressOf(view);
      const wait = (progress.nextAttemptAt ?? 0) - this.deps.clock.now();
      if (wait > 0) {
        await this.pause(wait);
        continue;
      }
      const outcome = await this.deliverPage(view, progress);
      if (outcome === 'stopped') return;
      if (outcome === 'idle') await this.pause(this.deps.idleMs);
    }
  }

  private async deliverPage(
    view: WebhookView,
    start: EndpointProgress,
  ): Promise<'idle' | 'busy' | 'stopped'> {
    // Read afresh for every page: a revoked key or a narrowed grant bounds the next delivery.
    const owner = this.deps.ownerAudience(view.owner);
    if (!owner) {
      await this.deps.disable(this.webhookId, OWNER_REVOKED, iso(this.deps.clock.now()));
      return 'stopped';
    }
    let page;
    try {
      const audience = deliveryAudience(owner, view.filters);
      page = await this.deps.reader.read(audience, start.position, { limit: this.deps.batch });
    } catch (error) {
      this.deps.onError?.(this.webhookId, error);
      return 'idle';
    }
    let progress = start;
    for (const event of page.events) {
      if (this.stopped || this.active()?.replays !== progress.replays) return 'busy';
      const next = await this.deliver(view, event, progress);
      if (next === 'stopped' || next.failingSince !== undefined) return next === 'stopped' ? next : 'busy';
      progress = next;
    }
    if (page.next !== progress.position)
      this.deps.store.save(this.webhookId, { ...progress, position: page.next });
    return page.events.length === 0 ? 'idle' : 'busy';
  }

  private async deliver(
    view: WebhookView,
    event: CloudEventJson,
    progress: EndpointProgress,
  ): Promise<EndpointProgress | 'stopped'> {
    const { clock, store } = this.deps;
    const now = clock.now();
    const messageId = messageIdOf(this.webhookId, event.id);
    const body = JSON.stringify(event);
    const timestamp = Math.floor(now / 1000);
    const started = performance.now();
    const secrets = this.secretsOf(view, now);
    const outcome: SendOutcome =
      secrets.length === 0
        ? { ok: false, error: 'no signing secret can be opened with the credentials keys' }
        : await this.deps.sender.send({
            url: view.url,
            body,
            headers: {
              'content-type': 'application/cloudevents+json',
              'user-agent': 'Daftar-Webhooks/1',
              'webhook-id': messageId,
              'webhook-timestamp': String(timestamp),
              'webhook-signature': webhookSignatures(secrets, messageId, timestamp, body),
            },
          });
    const attempt: DeliveryAttempt = {
      attemptedAt: iso(now),
      eventId: event.id,
      messageId,
      durationMs: Math.round(performance.now() - started),
      ...(outcome.statusCode !== undefined ? { statusCode: outcome.statusCode } : {}),
      ...(outcome.ok ? {} : { error: outcome.error }),
    };
    if (outcome.ok) {
      const delivered = { position: event.daftarposition, replays: progress.replays, attempts: 0 };
      store.save(this.webhookId, delivered, attempt);
      return delivered;
    }
    const failingSince = progress.failingSince ?? now;
    const attempts = progress.attempts + 1;
    const gone = outcome.statusCode === 410;
    if (gone || retriesExhausted(failingSince, now)) {
      store.save(this.webhookId, { ...progress, failingSince, attempts }, attempt);
      const reason = gone
        ? GONE
        : `Deliveries failed for 24 hours (${attempts} attempts); the last: ${outcome.error}`;
      await this.deps.disable(this.webhookId, reason, iso(failingSince));
      return 'stopped';
    }
    const nextAttemptAt = now + retryDelayMs(attempts, clock.random());
    const failing = { ...progress, failingSince, attempts, nextAttemptAt };
    store.save(this.webhookId, failing, { ...attempt, nextRetryAt: iso(nextAttemptAt) });
    return failing;
  }

  /** The stored progress, moved back to the cursor of a replay not yet applied. */
  private progressOf(view: WebhookView): EndpointProgress {
    const stored = this.deps.store.progress(this.webhookId) ?? {
      position: view.startAfter,
      replays: 0,
      attempts: 0,
    };
    this.replays = stored.replays;
    if (view.replays <= stored.replays || view.replayFrom === null) return stored;
    const replayed = { position: view.replayFrom, replays: view.replays, attempts: 0 };
    this.deps.store.save(this.webhookId, replayed);
    this.replays = view.replays;
    return replayed;
  }

  /** The current secret, and the previous one while its overlap lasts. */
  private secretsOf(view: WebhookView, now: number): string[] {
    return view.secrets
      .filter((secret) => secret.validUntil === undefined || Date.parse(secret.validUntil) > now)
      .map((secret) => this.deps.secrets.open(secret.sealed))
      .filter((secret) => secret !== undefined);
  }

  private active(): WebhookView | undefined {
    const view = this.deps.registry.get(this.webhookId);
    return view?.status === 'active' ? view : undefined;
  }

  private async pause(ms: number): Promise<void> {
    const { signal } = this.wakeup;
    if (!signal.aborted) await this.deps.clock.sleep(ms, signal);
    if (signal.aborted && !this.stopped) this.wakeup = new AbortController();
  }
}

/** `webhook-id`: the same for one event at one endpoint on every attempt, so receivers can drop repeats. */
export function messageIdOf(webhookId: string, eventId: string): string {
  return `msg_${createHash('sha256').update(`${webhookId}/${eventId}`).digest('base64url').slice(0, 32)}`;
}
