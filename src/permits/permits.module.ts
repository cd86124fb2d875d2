import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { RuleSetsModule } from '../rule-sets/rule-sets.module.js';
import { GetPermitTimelineHttpController } from './get-permit-timeline/get-permit-timeline.http.controller.js';
import { GetPermitHttpController } from './get-permit/get-permit.http.controller.js';
import { ListPermitsHttpController } from './list-permits/list-permits.http.controller.js';
import { PermitAccess } from './permit-access.js';
import { PermitTimelineReadModel } from './permit-timeline.read-model.js';
import { PermitsReadModel } from './permits.read-model.js';

/** Building-permit files (پروانه ساختمانی): the file, the worklists (کارتابل) and each file's history. */
@Module({
  imports: [IdentityModule, RuleSetsModule],
  controllers: [ListPermitsHttpController, GetPermitHttpController, GetPermitTimelineHttpController],
  providers: [PermitsReadModel, PermitTimelineReadModel, PermitAccess],
  exports: [PermitsReadModel, PermitTimelineReadModel],
})
export class PermitsModule {}
