import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { systemActor } from '../../identity/principal.js';
import { newId } from '../../shared/ids.js';
import { ExpirePermitCommand } from '../expire-permit/expire-permit.command.js';
import { PermitsReadModel } from '../permits.read-model.js';

const SWEEP_EVERY_MS = 60_000;
const BATCH = 500;

/** A permit runs out while issued, and while a renewal is requested but not paid. */
const RUNNING = [{ status: 'issued' }, { status: 'renewal_requested' }];

/**
 * Expires issued permits once their validity has passed. Time, not an event, triggers this, so it
 * sweeps the read model every minute; the decider ignores a permit that is not yet due or is done.
 */
@Injectable()
export class ExpirePermits implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpirePermits');
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly permits: PermitsReadModel,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweep(new Date()).catch((error: unknown) =>
        this.logger.error(`Expiry sweep failed: ${String(error)}`),
      );
    }, SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Expires every running permit whose validity ended by `now`; answers how many it expired. */
  async sweep(now: Date): Promise<number> {
    const at = now.toISOString();
    const due = this.permits
      .list({ anyOf: [RUNNING], orderBy: 'permit.validUntil', limit: BATCH, offset: 0 })
      .items.filter((p) => p.permit && p.permit.validUntil <= at);
    const correlationId = newId();
    for (const permit of due) {
      const context = {
        actor: systemActor('permit-expiry'),
        correlationId,
        causationId: correlationId,
        now: at,
      };
      await this.commands.execute(new ExpirePermitCommand(permit.permitId, context));
    }
    return due.length;
  }
}
