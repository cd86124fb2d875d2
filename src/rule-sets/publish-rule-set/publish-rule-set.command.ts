import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { RuleSetView } from '../rule-sets.read-model.js';

export class PublishRuleSetCommand extends Command<RuleSetView> {
  constructor(
    readonly municipality: string,
    readonly body: unknown,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
