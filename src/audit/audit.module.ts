import { Module } from '@nestjs/common';

/** Oversight (نظارت): the audit log, reports, the access log citizens see, and the dashboard. */
@Module({
  controllers: [],
  providers: [],
})
export class AuditModule {}
