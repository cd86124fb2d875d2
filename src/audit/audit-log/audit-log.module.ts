import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { IdentityModule } from '../../identity/identity.module.js';
import { GetAuditEventHandler } from '../get-audit-event/get-audit-event.handler.js';
import { GetAuditEventHttpController } from '../get-audit-event/get-audit-event.http.controller.js';
import { GetUserActivityHandler } from '../get-user-activity/get-user-activity.handler.js';
import { GetUserActivityHttpController } from '../get-user-activity/get-user-activity.http.controller.js';
import {
  ExportAuditEventsHandler,
  SearchAuditEventsHandler,
} from '../search-audit-events/search-audit-events.handler.js';
import { SearchAuditEventsHttpController } from '../search-audit-events/search-audit-events.http.controller.js';
import { ActorNames } from './actor-names.js';
import { AuditLogReadModel } from './audit-log.read-model.js';
import { AuditLogSubscriber } from './audit-log.subscriber.js';

/** The audit log (دفتر نظارت): every event, searchable by oversight, kept by the `audit:log` subscriber. */
@Module({
  imports: [IdentityModule],
  controllers: [SearchAuditEventsHttpController, GetAuditEventHttpController, GetUserActivityHttpController],
  providers: [
    AuditLogReadModel,
    ActorNames,
    SearchAuditEventsHandler,
    ExportAuditEventsHandler,
    GetAuditEventHandler,
    GetUserActivityHandler,
  ],
})
export class AuditLogModule implements OnModuleInit {
  constructor(
    private readonly readModels: ReadModelDatabase,
    @Inject(SubscriberRunner) private readonly subscribers: SubscriberRunner,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new AuditLogSubscriber(this.readModels));
  }
}
