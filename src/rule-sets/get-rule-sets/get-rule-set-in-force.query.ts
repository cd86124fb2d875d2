import { Query } from '@nestjs/cqrs';
import type { RuleSetView } from '../rule-sets.read-model.js';

export class GetRuleSetInForceQuery extends Query<RuleSetView> {
  constructor(
    readonly municipality: string,
    /** UTC ISO-8601; the rule set in force on that day in Tehran. */
    readonly now: string,
  ) {
    super();
  }
}
