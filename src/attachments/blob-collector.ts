import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { RecordedEvent } from '../event-store/event-envelope.js';
import type { EventStore } from '../event-store/event-store.port.js';
import type { BlobStore } from './blob-store.js';

const COLLECT_EVERY_MS = 60 * 60 * 1000;
const PAGE = 1000;

/** Which events name blobs, and the hashes an event names. */
export interface BlobReferences {
  readonly eventTypes: readonly string[];
  hashesIn(event: RecordedEvent): readonly string[];
}

/**
 * Removes the blobs no event names once they have been left untouched for the grace period: bytes of
 * refused or abandoned uploads. An event names a blob moments after the blob was stored or touched,
 * so the grace covers commands still under way. The names come from the log itself, read on from
 * where the last run stopped, so a read model being rebuilt never makes a used blob look unused.
 */
export class BlobCollector implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('BlobCollector');
  private readonly inUse = new Set<string>();
  private position: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<string[]> | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly blobs: BlobStore,
    private readonly references: BlobReferences,
    private readonly graceMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.collect().then(
        (removed) => {
          if (removed.length > 0) this.logger.log(`Removed ${removed.length} unused blobs`);
        },
        (error: unknown) => this.logger.error(`Blob collection failed: ${String(error)}`),
      );
    }, COLLECT_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One collection (joining one already under way); answers the hashes removed. */
  collect(): Promise<string[]> {
    this.running ??= this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(): Promise<string[]> {
    // Taken before the log is read, so an event appended meanwhile concerns a blob newer than it.
    const cutoff = new Date(this.now().getTime() - this.graceMs);
    await this.readReferences();
    return this.blobs.removeUnused(this.inUse, cutoff);
  }

  private async readReferences(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll(this.position, {
        types: this.references.eventTypes,
        maxCount: PAGE,
      });
      for (const event of page.events) {
        for (const sha256 of this.references.hashesIn(event)) this.inUse.add(sha256);
      }
      this.position = page.nextPosition;
      if (page.events.length < PAGE) return;
    }
  }
}
