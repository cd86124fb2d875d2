import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../shared/domain-error.js';
import { ruleSetNotFound } from '../rule-set.decider.js';
import { RuleSetsReadModel, type RuleSetView } from '../rule-sets.read-model.js';
import { GetRuleSetVersionQuery } from './get-rule-set-version.query.js';

const VERSION = /^[1-9][0-9]{0,8}$/;

@QueryHandler(GetRuleSetVersionQuery)
export class GetRuleSetVersionHandler implements IQueryHandler<GetRuleSetVersionQuery> {
  constructor(private readonly ruleSets: RuleSetsReadModel) {}

  async execute({ municipality, version }: GetRuleSetVersionQuery): Promise<RuleSetView> {
    if (!VERSION.test(version)) {
      const message = 'version must be a positive integer';
      throw new DomainError('REQUEST.INVALID', message, 'invalid', {
        fields: [{ field: 'version', message }],
      });
    }
    const ruleSet = this.ruleSets.version(municipality, Number(version));
    if (!ruleSet) throw ruleSetNotFound(municipality, Number(version));
    return ruleSet;
  }
}
