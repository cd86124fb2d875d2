import {
  type DynamicModule,
  Global,
  Inject,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { allProjections } from '../../projections/index.js';
import type { AnyProjection } from '../../projections/projection.js';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { StartupTasks } from '../shared/startup-tasks.js';
import { CommandRunner } from './command-handling/command-runner.js';
import { DataDirLock } from './data-dir-lock.js';
import { EVENT_STORE, type EventStore } from './event-store.port.js';
import { openEventStore, openReactionCheckpoints, openReadModels } from './open-event-store.js';
import { ReactionCheckpoints } from './subscriptions/reaction-checkpoints.js';
import { ReadModelDatabase } from './subscriptions/read-model-database.js';
import { SubscriberRunner } from './subscriptions/subscriber-runner.js';
import { PublicAnswers } from '../shared/http/public-answers.js';

/**
 * Owns the data directory's lock, the event store, the read-model and reactions' files and the
 * subscribers; starts them after boot, closes them last.
 */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationBootstrap, OnApplicationShutdown {
  static forRoot(projections: readonly AnyProjection[] = allProjections): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        {
          provide: DataDirLock,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => DataDirLock.take(config.dataDir),
        },
        // Both stores wait for the lock: a second process is refused before it opens either.
        {
          provide: EVENT_STORE,
          inject: [APP_CONFIG, DataDirLock],
          useFactory: (config: AppConfig) => openEventStore(config),
        },
        {
          provide: ReadModelDatabase,
          inject: [APP_CONFIG, DataDirLock],
          useFactory: (config: AppConfig) => openReadModels(config),
        },
        {
          provide: ReactionCheckpoints,
          inject: [APP_CONFIG, DataDirLock],
          useFactory: (config: AppConfig) => openReactionCheckpoints(config),
        },
        {
          provide: SubscriberRunner,
          inject: [EVENT_STORE, ReadModelDatabase],
          useFactory: (store: EventStore, readModels: ReadModelDatabase) =>
            new SubscriberRunner(store, readModels, projections),
        },
        {
          provide: PublicAnswers,
          inject: [ReadModelDatabase],
          useFactory: (readModels: ReadModelDatabase) => {
            const answers = new PublicAnswers();
            readModels.onAnyChange(() => answers.changed());
            return answers;
          },
        },
        CommandRunner,
        StartupTasks,
      ],
      exports: [
        EVENT_STORE,
        ReadModelDatabase,
        ReactionCheckpoints,
        SubscriberRunner,
        CommandRunner,
        StartupTasks,
        PublicAnswers,
      ],
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readModels: ReadModelDatabase,
    private readonly reactions: ReactionCheckpoints,
    private readonly subscribers: SubscriberRunner,
    private readonly lock: DataDirLock,
  ) {}

  onApplicationBootstrap(): void {
    this.subscribers.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscribers.stop();
    await this.store.close();
    this.readModels.close();
    this.reactions.close();
    this.lock.release();
  }
}
