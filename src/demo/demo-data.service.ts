import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import type { CommandContext } from '../event-store/command-handling/command-context.js';
import { CommandRunner } from '../event-store/command-handling/command-runner.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import { DEMO_PASSWORD } from '../identity/demo/demo-data.js';
import { IdentityDemoSeeder } from '../identity/demo/identity-demo-seeder.js';
import { systemActor } from '../identity/principal.js';
import { ParcelDemoSeeder } from '../parcels/demo/parcel-demo-seeder.js';
import { seedDemoRuleSets } from '../rule-sets/demo/seed-demo-rule-set.js';
import { StartupTasks } from '../shared/startup-tasks.js';

/**
 * The demo (Hamedan, its organisations and one user per role, its rule set, fifty parcels with their
 * renewal dues; Qazvin and Takestan of Qazvin province, each with its staff, rule set and a handful of
 * parcels; provincial oversight), written as commands by a named system actor. Seeded on a first start with an empty
 * store outside production, and by `npm run seed:demo`; what exists is left alone.
 */
@Injectable()
export class DemoData implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoData');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subscribers: SubscriberRunner,
    private readonly startup: StartupTasks,
    private readonly commands: CommandRunner,
    private readonly identity: IdentityDemoSeeder,
    private readonly parcels: ParcelDemoSeeder,
  ) {}

  /** Runs beside the HTTP server; /ready answers 503 until it is done. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.production || !this.config.demoData) return;
    if ((await this.store.headPosition()) !== undefined) return;
    this.startup
      .run('demo data', () => this.seed(new Date().toISOString()).then(() => undefined))
      .catch(() => undefined);
  }

  async seed(now: string): Promise<{ created: number; skipped: number }> {
    this.subscribers.start();
    await this.subscribers.caughtUp();
    const context: CommandContext = {
      actor: systemActor('demo-seed'),
      correlationId: 'demo-seed',
      causationId: 'demo-seed',
      now,
    };
    const identity = await this.identity.seed(context);
    const ruleSets = await seedDemoRuleSets(this.commands, context);
    const parcels = await this.parcels.seed(context);
    const created = identity.created + ruleSets.created + parcels.created;
    const skipped = identity.skipped + ruleSets.skipped + parcels.skipped;
    this.logger.warn(
      `Demo data: ${created} created, ${skipped} already there. Demo users sign in with password "${DEMO_PASSWORD}"; never use demo data in production.`,
    );
    return { created, skipped };
  }
}
