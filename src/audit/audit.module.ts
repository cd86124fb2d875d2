import { Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { OrganisationsReadModel } from '../identity/organisations/organisations.read-model.js';
import { UsersReadModel } from '../identity/users/users.read-model.js';
import { AuditLogModule } from './audit-log/audit-log.module.js';
import { AuditTrail } from './audit-trail.js';
import { AccessLogReadModel } from './get-access-log/access-log.read-model.js';
import { GetAccessLogHandler } from './get-access-log/get-access-log.handler.js';
import { GetAccessLogHttpController } from './get-access-log/get-access-log.http.controller.js';
import { OversightDashboardHttpController } from './dashboard/oversight-dashboard.http.controller.js';
import { AuditOutbox } from './record-access/audit-outbox.js';
import { BackgroundAuditTrail } from './record-access/background-audit-trail.js';
import { AuditReportsModule } from './reports/audit-reports.module.js';

/**
 * Oversight (نظارت): the audit log, reports, the access log citizens see, and the dashboard. Global,
 * so that every feature's query handlers can record reads on the AuditTrail.
 */
@Global()
@Module({
  imports: [AuditLogModule, AuditReportsModule],
  controllers: [OversightDashboardHttpController, GetAccessLogHttpController],
  providers: [
    AccessLogReadModel,
    OrganisationsReadModel,
    UsersReadModel,
    GetAccessLogHandler,
    {
      // After the event store: its outbox is opened under the data directory's lock.
      provide: AuditTrail,
      inject: [EVENT_STORE, APP_CONFIG],
      useFactory: (store: EventStore, config: AppConfig) =>
        new BackgroundAuditTrail(
          store,
          AuditOutbox.open(config.dataDir, (error, records) =>
            new Logger('AuditTrail').error(
              `${records} audit record(s) not kept in the outbox yet (still queued): ${String(error)}`,
            ),
          ),
        ),
    },
  ],
  exports: [AuditTrail],
})
export class AuditModule {}
