import { Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { LedgerCheckpoints } from './ledger-checkpoints.js';

export interface CheckpointSchedule {
  readonly intervalMs: number;
  readonly now: () => Date;
}

export const CHECKPOINT_SCHEDULE: CheckpointSchedule = { intervalMs: 2000, now: () => new Date() };

/** Signs a checkpoint every few seconds while the tree grows; the timer never keeps the process up. */
export class LedgerCheckpointer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('LedgerCheckpointer');

  constructor(
    private readonly checkpoints: LedgerCheckpoints,
    private readonly schedule: CheckpointSchedule,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.schedule.intervalMs);
    this.timer.unref();
  }

  /** A failed checkpoint (a busy or full disk) is tried again at the next tick, never fatal to the server. */
  tick(): void {
    try {
      this.checkpoints.makeIfGrown(this.schedule.now());
    } catch (error) {
      this.logger.error(`A ledger checkpoint failed; trying again: ${String(error)}`);
    }
  }

  beforeApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
