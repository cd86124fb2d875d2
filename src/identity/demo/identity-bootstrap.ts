import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { StartupTasks } from '../../shared/startup-tasks.js';
import { systemActor } from '../principal.js';
import { UserAccounts } from '../users/user-accounts.service.js';
import { UsersReadModel } from '../users/users.read-model.js';
import { DemoSeeder } from './demo-seeder.js';

/**
 * Start-up rules for principals. Outside production, a first start on an empty store seeds the demo.
 * In production the server refuses to run while demo users exist, and makes the first admin only from
 * DAFTAR_ADMIN_PASSWORD.
 */
@Injectable()
export class IdentityBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('IdentityBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subscribers: SubscriberRunner,
    private readonly users: UsersReadModel,
    private readonly accounts: UserAccounts,
    private readonly demo: DemoSeeder,
    private readonly startup: StartupTasks,
  ) {}

  /** In production a violation stops the start; otherwise the server comes up and /ready reports progress. */
  async onApplicationBootstrap(): Promise<void> {
    const task = this.startup.run('identity', () => this.bootstrap());
    if (this.config.production) await task;
    else task.catch(() => undefined);
  }

  private async bootstrap(): Promise<void> {
    const empty = (await this.store.headPosition()) === undefined;
    this.subscribers.start();
    await this.subscribers.caughtUp();
    const now = new Date().toISOString();
    if (!this.config.production) {
      if (empty && this.config.demoData) await this.demo.seed(now);
      return;
    }
    const demoUser = this.users.findOne('origin', 'demo');
    if (demoUser) {
      throw new Error(
        `Refusing to start in production: demo users exist (e.g. "${demoUser.username}"). Use a data directory without demo data.`,
      );
    }
    if (
      this.users.list({ some: { path: 'grants', where: { role: 'admin' } }, limit: 1, offset: 0 }).total > 0
    )
      return;
    if (!this.config.adminPassword) {
      throw new Error(
        'Refusing to start in production: no admin exists. Set DAFTAR_ADMIN_PASSWORD to create the first one.',
      );
    }
    const context = {
      actor: systemActor('bootstrap'),
      correlationId: 'bootstrap',
      causationId: 'bootstrap',
      now,
    };
    await this.accounts.create(
      {
        username: 'admin',
        displayName: 'Administrator',
        password: this.config.adminPassword,
        grants: [{ role: 'admin' }],
        origin: 'bootstrap',
      },
      context,
    );
    this.logger.log('Created the first admin (username "admin") from DAFTAR_ADMIN_PASSWORD');
  }
}
