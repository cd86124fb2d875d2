import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { GetRuleSetsHttpController } from './get-rule-sets/get-rule-sets.http.controller.js';
import { PublishRuleSetHttpController } from './publish-rule-set/publish-rule-set.http.controller.js';
import { PublishRuleSetHandler } from './publish-rule-set/publish-rule-set.handler.js';
import { GetRuleSetInForceHandler } from './get-rule-sets/get-rule-set-in-force.handler.js';
import { ListRuleSetVersionsHandler } from './get-rule-sets/list-rule-set-versions.handler.js';
import { GetRuleSetVersionHandler } from './get-rule-sets/get-rule-set-version.handler.js';
import { RuleSetsReadModel } from './rule-sets.read-model.js';

/** Zoning rule sets (طرح تفصیلی): versioned, published by admins, read by everyone and every calculation. */
@Module({
  imports: [IdentityModule],
  controllers: [PublishRuleSetHttpController, GetRuleSetsHttpController],
  providers: [
    RuleSetsReadModel,
    PublishRuleSetHandler,
    GetRuleSetInForceHandler,
    ListRuleSetVersionsHandler,
    GetRuleSetVersionHandler,
  ],
  exports: [RuleSetsReadModel],
})
export class RuleSetsModule {}
