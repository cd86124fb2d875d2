import { ruleSetsProjection } from '../../../projections/rule-sets/rule-sets.projection.js';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { DomainError } from '../../shared/domain-error.js';
import { demoRuleSet } from '../demo-rule-set.js';
import { ruleSetDecider } from '../rule-set.decider.js';
import { ruleSetStream } from '../rule-set.events.js';

export const DEMO_RULE_SET_MUNICIPALITY = 'hamedan';

/**
 * Publishes Hamedan's demo rule set as version 1, unless its stream already holds a version 1 (the
 * decider then refuses it as not the next version, and this answers 'skipped'). Call it after the
 * municipality itself is seeded; a plain function, so the demo seeder needs no module of rule sets.
 */
export async function seedDemoRuleSet(
  commands: CommandRunner,
  context: CommandContext,
): Promise<'created' | 'skipped'> {
  try {
    await commands.run(
      ruleSetStream(DEMO_RULE_SET_MUNICIPALITY),
      ruleSetDecider,
      { type: 'PublishRuleSet', data: { municipality: DEMO_RULE_SET_MUNICIPALITY, ruleSet: demoRuleSet } },
      context,
      { awaiting: [ruleSetsProjection.name] },
    );
    return 'created';
  } catch (error) {
    if (error instanceof DomainError && error.code === 'RULESET.VERSION_NOT_NEXT') return 'skipped';
    throw error;
  }
}
