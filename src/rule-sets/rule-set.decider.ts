import type { Decider } from '../event-store/command-handling/decider.js';
import { DomainError } from '../shared/domain-error.js';
import type { RuleSet } from './rule-set.js';
import type { RuleSetEvent } from './rule-set.events.js';

/** What publishing needs to know of a municipality's rule sets: the latest version and its date. */
export type RuleSetState = {
  readonly latest: { readonly version: number; readonly effectiveFrom: string } | undefined;
};

export type RuleSetCommand = {
  readonly type: 'PublishRuleSet';
  /** `ruleSet` has passed `validateRuleSet`. */
  readonly data: { readonly municipality: string; readonly ruleSet: RuleSet };
};

export const ruleSetNotFound = (municipality: string, version?: number) =>
  new DomainError(
    'RULESET.NOT_FOUND',
    version === undefined
      ? `The municipality ${municipality} has no rule set in force`
      : `The municipality ${municipality} has no rule set version ${version}`,
    'not_found',
    version === undefined ? { municipality } : { municipality, version },
  );

function decide(command: RuleSetCommand, state: RuleSetState): readonly RuleSetEvent[] | DomainError {
  switch (command.type) {
    case 'PublishRuleSet': {
      const { municipality, ruleSet } = command.data;
      const expectedVersion = (state.latest?.version ?? 0) + 1;
      if (ruleSet.version !== expectedVersion) {
        return new DomainError(
          'RULESET.VERSION_NOT_NEXT',
          `The next rule set of ${municipality} must be version ${expectedVersion}, not ${ruleSet.version}`,
          'conflict',
          { municipality, version: ruleSet.version, expectedVersion },
        );
      }
      // ISO dates (YYYY-MM-DD) compare correctly as strings.
      if (state.latest && ruleSet.effectiveFrom < state.latest.effectiveFrom) {
        return new DomainError(
          'RULESET.EFFECTIVE_DATE_BACKWARDS',
          `Version ${ruleSet.version} cannot take effect on ${ruleSet.effectiveFrom}, before version ${state.latest.version} (${state.latest.effectiveFrom})`,
          'conflict',
          {
            municipality,
            effectiveFrom: ruleSet.effectiveFrom,
            previousVersion: state.latest.version,
            previousEffectiveFrom: state.latest.effectiveFrom,
          },
        );
      }
      return [{ type: 'RuleSetPublished', data: { municipality, ...ruleSet } }];
    }
    default: {
      const unknown: never = command.type;
      return unknown;
    }
  }
}

function evolve(_state: RuleSetState, event: RuleSetEvent): RuleSetState {
  switch (event.type) {
    case 'RuleSetPublished':
      return { latest: { version: event.data.version, effectiveFrom: event.data.effectiveFrom } };
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}

export const ruleSetDecider: Decider<RuleSetCommand, RuleSetState, RuleSetEvent> = {
  initialState: () => ({ latest: undefined }),
  evolve,
  decide,
};
