import { given } from '../../test/support/given.js';
import { demoRuleSet } from './demo-rule-set.js';
import { ruleSetDecider, type RuleSetCommand } from './rule-set.decider.js';
import type { RuleSet } from './rule-set.js';
import type { RuleSetEvent } from './rule-set.events.js';

const v1: RuleSet = demoRuleSet;
const v2: RuleSet = { ...demoRuleSet, version: 2, effectiveFrom: '2027-03-21' };
const published = (ruleSet: RuleSet): RuleSetEvent => ({
  type: 'RuleSetPublished',
  data: { municipality: 'hamedan', ...ruleSet },
});
const publish = (ruleSet: RuleSet): RuleSetCommand => ({
  type: 'PublishRuleSet',
  data: { municipality: 'hamedan', ruleSet },
});

describe('rule set decider', () => {
  it('publishes version 1 first, the whole rule set with its municipality', () => {
    expect(given(ruleSetDecider).when(publish(v1))).toEqual([published(v1)]);
  });

  it('publishes the next version after the latest', () => {
    expect(given(ruleSetDecider, published(v1)).when(publish(v2))).toEqual([published(v2)]);
    const v3 = { ...v2, version: 3 };
    expect(given(ruleSetDecider, published(v1), published(v2)).when(publish(v3))).toEqual([published(v3)]);
  });

  it.each([
    ['a first version other than 1', [], 2, 1],
    ['version 1 again', [v1], 1, 2],
    ['a skipped version', [v1], 3, 2],
    ['an earlier version', [v1, v2], 1, 3],
  ])('refuses %s, naming the version expected', (_, history, version, expectedVersion) => {
    const events = (history as RuleSet[]).map(published);
    expect(given(ruleSetDecider, ...events).when(publish({ ...v2, version }))).toMatchObject({
      code: 'RULESET.VERSION_NOT_NEXT',
      kind: 'conflict',
      message: expect.stringContaining(`version ${expectedVersion}`),
      details: { municipality: 'hamedan', version, expectedVersion },
    });
  });

  it('refuses a version taking effect before the previous one', () => {
    expect(
      given(ruleSetDecider, published(v1), published(v2)).when(
        publish({ ...v2, version: 3, effectiveFrom: '2027-03-20' }),
      ),
    ).toMatchObject({
      code: 'RULESET.EFFECTIVE_DATE_BACKWARDS',
      kind: 'conflict',
      details: { effectiveFrom: '2027-03-20', previousVersion: 2, previousEffectiveFrom: '2027-03-21' },
    });
  });

  it('accepts a version taking effect on the same day as the previous one (the higher version wins)', () => {
    const sameDay = { ...v2, version: 3 };
    expect(given(ruleSetDecider, published(v1), published(v2)).when(publish(sameDay))).toEqual([
      published(sameDay),
    ]);
  });

  it('compares dates with the latest version only', () => {
    // v2 is in 2027; v3 in 2026 is earlier than v2 though later than v1.
    expect(
      given(ruleSetDecider, published(v1), published(v2)).when(
        publish({ ...v2, version: 3, effectiveFrom: '2026-06-01' }),
      ),
    ).toMatchObject({ code: 'RULESET.EFFECTIVE_DATE_BACKWARDS' });
  });
});
