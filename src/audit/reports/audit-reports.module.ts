import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { InquiriesReadModel } from '../../inquiries/inquiries.read-model.js';
import { PermitsReadModel } from '../../permits/permits.read-model.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { AuditReportsReadModel } from './audit-reports.read-model.js';
import { AuditReportsSubscriber } from './audit-reports.subscriber.js';
import { OverdueFiles } from './deadlines/overdue-files.js';
import { GetReportHandler } from './get-report/get-report.handler.js';
import { GetReportHttpController } from './get-report/get-report.http.controller.js';

/** The oversight reports under /audit/reports, kept by the `audit:reports` subscriber. */
@Module({
  controllers: [GetReportHttpController],
  providers: [
    {
      provide: AuditReportsReadModel,
      inject: [ReadModelDatabase],
      useFactory: (db: ReadModelDatabase) => new AuditReportsReadModel(db),
    },
    PermitsReadModel,
    InquiriesReadModel,
    RuleSetsReadModel,
    {
      provide: OverdueFiles,
      inject: [PermitsReadModel, InquiriesReadModel, RuleSetsReadModel],
      useFactory: (permits: PermitsReadModel, inquiries: InquiriesReadModel, ruleSets: RuleSetsReadModel) =>
        new OverdueFiles(permits, inquiries, ruleSets),
    },
    GetReportHandler,
  ],
  exports: [OverdueFiles],
})
export class AuditReportsModule implements OnModuleInit {
  constructor(
    private readonly reports: AuditReportsReadModel,
    @Inject(SubscriberRunner) private readonly subscribers: SubscriberRunner,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new AuditReportsSubscriber(this.reports));
  }
}
