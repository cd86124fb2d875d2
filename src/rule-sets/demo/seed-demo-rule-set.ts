import { ruleSetsProjection } from '../../../projections/rule-sets/rule-sets.projection.js';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import type { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { DomainError } from '../../shared/domain-error.js';
import { demoRuleSets } from '../province-demo-rule-sets.js';
import type { RuleSet } from '../rule-set.js';
import { ruleSetDecider } from '../rule-set.decider.js';
import { ruleSetStream } from '../rule-set.events.js';

/**
 * Publishes each demo city's rule set as its version 1, unless its stream already holds a version 1
 * (the decider then refuses it as not the next version, and it counts as skipped). Call it after the
 * municipalities themselves are seeded; a plain function, so the demo seeder needs no module of rule sets.
 */
export async function seedDemoRuleSets(
  commands: CommandRunner,
  context: CommandContext,
): Promise<{ created: number; skipped: number }> {
  let created = 0;
  for (const { municipality, ruleSet } of demoRuleSets) {
    if ((await seedOne(commands, context, municipality, ruleSet)) === 'created') created += 1;
  }
  return { created, skipped: demoRuleSets.length - created };
}

async function seedOne(
  commands: CommandRunner,
  context: CommandContext,
  municipality: string,
  ruleSet: RuleSet,
): Promise<'created' | 'skipped'> {
  try {
    await commands.run(
      ruleSetStream(municipality),
      ruleSetDecider,
      { type: 'PublishRuleSet', data: { municipality, ruleSet } },
      context,
      { awaiting: [ruleSetsProjection.name] },
    );
    return 'created';
  } catch (error) {
    if (error instanceof DomainError && error.code === 'RULESET.VERSION_NOT_NEXT') return 'skipped';
    throw error;
  }
}
