import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ruleSetsProjection } from '../../../projections/rule-sets/rule-sets.projection.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { ScopeDirectory } from '../../identity/scope-directory.js';
import { ruleSetDecider, ruleSetNotFound } from '../rule-set.decider.js';
import { ruleSetStream } from '../rule-set.events.js';
import { validateRuleSet } from '../rule-set.js';
import { RuleSetsReadModel, type RuleSetView } from '../rule-sets.read-model.js';
import { PublishRuleSetCommand } from './publish-rule-set.command.js';

@CommandHandler(PublishRuleSetCommand)
export class PublishRuleSetHandler implements ICommandHandler<PublishRuleSetCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly ruleSets: RuleSetsReadModel,
    private readonly directory: ScopeDirectory,
  ) {}

  async execute({ municipality, body, caller, options }: PublishRuleSetCommand): Promise<RuleSetView> {
    this.directory.municipality(municipality);
    const ruleSet = validateRuleSet(body);
    const { state } = await this.commands.run(
      ruleSetStream(municipality),
      ruleSetDecider,
      { type: 'PublishRuleSet', data: { municipality, ruleSet } },
      caller.commandContext(),
      { ...options, awaiting: [ruleSetsProjection.name] },
    );
    // A repeated Idempotency-Key answers the version it published the first time.
    const version = state.latest?.version ?? ruleSet.version;
    const published = this.ruleSets.version(municipality, version);
    if (!published) throw ruleSetNotFound(municipality, version);
    return published;
  }
}
