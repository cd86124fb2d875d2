import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ScopeDirectory } from '../../identity/scope-directory.js';
import { RuleSetsReadModel, type RuleSetVersionSummary } from '../rule-sets.read-model.js';
import { ListRuleSetVersionsQuery } from './list-rule-set-versions.query.js';

@QueryHandler(ListRuleSetVersionsQuery)
export class ListRuleSetVersionsHandler implements IQueryHandler<ListRuleSetVersionsQuery> {
  constructor(
    private readonly ruleSets: RuleSetsReadModel,
    private readonly directory: ScopeDirectory,
  ) {}

  async execute({ municipality }: ListRuleSetVersionsQuery): Promise<RuleSetVersionSummary[]> {
    const versions = this.ruleSets.versions(municipality);
    if (versions.length === 0) this.directory.municipality(municipality);
    return versions;
  }
}
