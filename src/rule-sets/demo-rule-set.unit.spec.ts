import { demoRuleSet } from './demo-rule-set.js';
import { demoRuleSets } from './province-demo-rule-sets.js';
import { validateRuleSet } from './rule-set.js';

describe('demoRuleSet', () => {
  it('passes validation', () => {
    expect(validateRuleSet(demoRuleSet)).toBe(demoRuleSet);
  });

  it('survives a JSON round trip, as it will when published as an event', () => {
    expect(validateRuleSet(JSON.parse(JSON.stringify(demoRuleSet)))).toEqual(demoRuleSet);
  });

  it('is Hamedan version 1, in force from 1 Farvardin 1405', () => {
    expect(demoRuleSet.version).toBe(1);
    expect(demoRuleSet.effectiveFrom).toBe('2026-03-21');
    const jalali = new Intl.DateTimeFormat('en-US-u-ca-persian', { timeZone: 'UTC', dateStyle: 'long' });
    expect(jalali.format(new Date(`${demoRuleSet.effectiveFrom}T00:00:00Z`))).toBe('Farvardin 1, 1405 AP');
  });

  it('has at least four zones and prices for regions 1 to 4', () => {
    expect(Object.keys(demoRuleSet.zones).length).toBeGreaterThanOrEqual(4);
    expect(Object.keys(demoRuleSet.tariffs.regionalPrices).sort()).toEqual(['1', '2', '3', '4']);
    expect(demoRuleSet.permitValidityMonths).toBe(24);
    expect(demoRuleSet.requiredDocuments.Renewal).toContain('previous_permit');
  });
});

describe('demoRuleSets', () => {
  it.each(demoRuleSets.map((r) => [r.municipality, r.ruleSet] as const))(
    'gives %s a valid version 1 with its own prices and deadlines',
    (_, ruleSet) => {
      expect(validateRuleSet(JSON.parse(JSON.stringify(ruleSet)))).toEqual(ruleSet);
      expect(ruleSet.version).toBe(1);
      const others = demoRuleSets.map((r) => r.ruleSet).filter((r) => r !== ruleSet);
      for (const other of others) {
        expect(other.tariffs.regionalPrices).not.toEqual(ruleSet.tariffs.regionalPrices);
        expect(other.sla).not.toEqual(ruleSet.sla);
      }
    },
  );
});
