import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { StartupTasks } from '../../shared/startup-tasks.js';
import { systemActor } from '../principal.js';
import { UserAccounts } from '../users/user-accounts.service.js';
import { UsersReadModel } from '../users/users.read-model.js';

/**
 * Start-up rules for principals in production: the server refuses to run while demo users exist, and
 * makes the first admin only from DAFTAR_ADMIN_PASSWORD.
 */
@Injectable()
export class IdentityBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('IdentityBootstrap');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly subscribers: SubscriberRunner,
    private readonly users: UsersReadModel,
    private readonly accounts: UserAccounts,
    private readonly startup: StartupTasks,
  ) {}

  /** A violation stops the start. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.production) return;
    await this.startup.run('production identity', () => this.bootstrap());
  }

  private async bootstrap(): Promise<void> {
    this.subscribers.start();
    await this.subscribers.caughtUp();
    const now = new Date().toISOString();
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
