import { Query } from '@nestjs/cqrs';
import type { RuleSetView } from '../rule-sets.read-model.js';

export class GetRuleSetVersionQuery extends Query<RuleSetView> {
  constructor(
    readonly municipality: string,
    /** As the path gives it: checked to be a positive integer. */
    readonly version: string,
  ) {
    super();
  }
}
