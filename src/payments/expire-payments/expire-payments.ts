import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { systemActor } from '../../identity/principal.js';
import type { Position } from '../../event-store/subscriptions/documents.js';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import { periodically, type PeriodicTask } from '../../shared/periodically.js';
import { PaymentsReadModel } from '../payments.read-model.js';
import { SettlePayments } from '../settle-payments.js';

const SWEEP_EVERY_MS = 60_000;
const BATCH = 200;

/**
 * Expires payment intents the gateway never settled within DAFTAR_PAYMENT_INTENT_MINUTES. Time, not an
 * event, triggers this. A gateway that can be asked is asked first: money taken from a payer who never
 * came back is confirmed, not expired; a gateway that does not answer leaves the intent for a later
 * sweep. Each sweep takes the next batch after where the last one stopped (and starts over at the end),
 * so intents that cannot be settled never keep the ones behind them waiting.
 */
@Injectable()
export class ExpirePayments implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpirePayments');
  private task: PeriodicTask | undefined;
  /** Where the next sweep resumes among the due intents; undefined: from the oldest. */
  private resumeAfter: Position | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly payments: PaymentsReadModel,
    private readonly settle: SettlePayments,
  ) {}

  onApplicationBootstrap(): void {
    this.task = periodically(
      SWEEP_EVERY_MS,
      () => this.sweep(new Date()),
      (error) => this.logger.error(`Payment expiry sweep failed: ${String(error)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.task?.stop();
  }

  /**
   * Settles the next `batch` of intents started `paymentIntentMinutes` before `now`; answers how many
   * it expired.
   */
  async sweep(now: Date, batch = BATCH): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.paymentIntentMinutes * 60_000).toISOString();
    const page = this.payments.list({
      where: { status: 'started', startedAt: { op: '<=', value: cutoff } },
      orderBy: 'startedAt',
      limit: batch,
      ...(this.resumeAfter ? { after: this.resumeAfter } : {}),
    });
    this.resumeAfter = page.next;
    const correlationId = newId();
    const context = {
      actor: systemActor('payment-expiry'),
      correlationId,
      causationId: correlationId,
      now: now.toISOString(),
    };
    let expired = 0;
    for (const payment of page.items) {
      try {
        const verification = await this.settle.verify(payment);
        if (verification?.paid) {
          await this.settle.confirm(payment, verification, context);
          continue;
        }
        await this.settle.expire(payment, context);
        expired += 1;
      } catch (error) {
        // One intent that cannot be settled (the gateway down, a bug) must not stop the others.
        const why = error instanceof DomainError ? error.code : String(error);
        this.logger.warn(`Payment ${payment.paymentId} left for a later sweep: ${why}`);
      }
    }
    return expired;
  }
}
