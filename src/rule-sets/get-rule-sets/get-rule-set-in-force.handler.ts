import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { todayInTehran } from '../../shared/tehran-date.js';
import { ruleSetNotFound } from '../rule-set.decider.js';
import { RuleSetsReadModel, type RuleSetView } from '../rule-sets.read-model.js';
import { GetRuleSetInForceQuery } from './get-rule-set-in-force.query.js';

@QueryHandler(GetRuleSetInForceQuery)
export class GetRuleSetInForceHandler implements IQueryHandler<GetRuleSetInForceQuery> {
  constructor(private readonly ruleSets: RuleSetsReadModel) {}

  async execute({ municipality, now }: GetRuleSetInForceQuery): Promise<RuleSetView> {
    const ruleSet = this.ruleSets.inForce(municipality, todayInTehran(new Date(now)));
    if (!ruleSet) throw ruleSetNotFound(municipality);
    return ruleSet;
  }
}
