import { type DynamicModule, Module } from '@nestjs/common';
import type { AnyProjection } from '../projections/projection.js';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module.js';
import type { AppConfig } from './config/app-config.js';
import { AppConfigModule } from './config/app-config.module.js';
import { EventStoreModule } from './event-store/event-store.module.js';
import { FeedDescriptionModule } from './feed/feed-description.module.js';
import { FeedModule } from './feed/feed.module.js';
import { HealthHttpController } from './health/health.http.controller.js';
import { CounterOfficesModule } from './counter-offices/counter-offices.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DocumentsModule } from './documents/documents.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { InquiriesModule } from './inquiries/inquiries.module.js';
import { LedgerModule } from './ledger/ledger.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { OperationsModule } from './operations/operations.module.js';
import { ParcelsModule } from './parcels/parcels.module.js';
import { PaymentsModule } from './payments/payments.module.js';
import { PermitsModule } from './permits/permits.module.js';
import { RuleSetsModule } from './rule-sets/rule-sets.module.js';
import { EmailModule } from './shared/email/email.module.js';
import { SmsModule } from './shared/sms/sms.module.js';
import { TrackingModule } from './tracking/tracking.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';

@Module({})
export class AppModule {
  static forConfig(
    config: AppConfig,
    options: { projections?: readonly AnyProjection[] } = {},
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        CqrsModule.forRoot(),
        EventStoreModule.forRoot(options.projections),
        SmsModule,
        EmailModule,
        IdentityModule,
        ParcelsModule,
        RuleSetsModule,
        DocumentsModule,
        PermitsModule,
        InquiriesModule,
        CounterOfficesModule,
        TrackingModule,
        PaymentsModule,
        DemoModule,
        OperationsModule,
        LedgerModule,
        AuditModule,
        FeedModule,
        FeedDescriptionModule,
        WebhooksModule,
        NotificationsModule,
      ],
      controllers: [HealthHttpController],
    };
  }
}
