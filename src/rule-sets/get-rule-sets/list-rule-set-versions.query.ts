import { Query } from '@nestjs/cqrs';
import type { RuleSetVersionSummary } from '../rule-sets.read-model.js';

export class ListRuleSetVersionsQuery extends Query<RuleSetVersionSummary[]> {
  constructor(readonly municipality: string) {
    super();
  }
}
