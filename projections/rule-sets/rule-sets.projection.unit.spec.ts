import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { demoRuleSet } from '../../src/rule-sets/demo-rule-set.js';
import type { RuleSetEvent } from '../../src/rule-sets/rule-set.events.js';
import { ruleSetsProjection } from './rule-sets.projection.js';

const event = {
  id: '0190f5a0-0000-7000-8000-000000000001',
  type: 'RuleSetPublished',
  stream: 'ruleset-hamedan',
  revision: 0n,
  position: '1',
  data: { municipality: 'hamedan', ...demoRuleSet },
  metadata: {
    actor: { id: 'user-admin', role: 'admin' },
    correlationId: 'c',
    causationId: 'r',
    recordedAt: '2026-11-25T10:00:00.000Z',
    schemaVersion: 1,
  },
} as RecordedEvent<RuleSetEvent>;

describe('rule_sets projection', () => {
  it('keeps one document per municipality and version', () => {
    expect(ruleSetsProjection.documentId(event)).toBe('hamedan:1');
  });

  it('holds the whole rule set, who published it and when', () => {
    expect(ruleSetsProjection.evolve(null, event)).toEqual({
      municipality: 'hamedan',
      ...demoRuleSet,
      publishedAt: '2026-11-25T10:00:00.000Z',
      publishedBy: 'user-admin',
    });
  });
});
