import { EndpointLoop, type DeliveryDeps } from './endpoint-loop.js';

/**
 * Keeps one delivery loop per active endpoint: starts loops for new ones, stops those disabled or
 * deleted, forgets a deleted one's progress, and wakes a loop whose endpoint was asked to replay.
 */
export class WebhookDispatcher {
  private readonly loops = new Map<string, EndpointLoop>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: DeliveryDeps) {}

  start(reconcileMs: number): void {
    this.reconcile();
    this.timer = setInterval(() => this.reconcile(), reconcileMs);
    this.timer.unref();
  }

  reconcile(): void {
    const active = new Map(this.deps.registry.active().map((view) => [view.webhookId, view]));
    for (const [webhookId, loop] of this.loops) {
      const view = active.get(webhookId);
      if (view && view.replays !== loop.replays) loop.wake();
      if (view) continue;
      this.loops.delete(webhookId);
      void loop.stop().then(() => {
        if (!this.deps.registry.get(webhookId)) this.deps.store.forget(webhookId);
      });
    }
    for (const webhookId of active.keys()) {
      if (this.loops.has(webhookId)) continue;
      const loop = new EndpointLoop(webhookId, this.deps).start();
      this.loops.set(webhookId, loop);
      void loop.done.then(() => {
        if (this.loops.get(webhookId) === loop) this.loops.delete(webhookId);
      });
    }
  }

  /** Wakes every idle loop: new events are in the log. */
  wakeAll(): void {
    for (const loop of this.loops.values()) loop.wake();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    const loops = [...this.loops.values()];
    this.loops.clear();
    await Promise.all(loops.map((loop) => loop.stop()));
  }
}
