import { anyProjection } from '../../projections/projection.js';
import { ruleSetsProjection } from '../../projections/rule-sets/rule-sets.projection.js';
import type { CommandContext } from '../event-store/command-handling/command-context.js';
import { handleCommand } from '../event-store/command-handling/handle-command.js';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import { demoRuleSet } from './demo-rule-set.js';
import { ruleSetDecider } from './rule-set.decider.js';
import type { RuleSet } from './rule-set.js';
import { ruleSetStream } from './rule-set.events.js';
import { RuleSetsReadModel } from './rule-sets.read-model.js';

const context: CommandContext = {
  actor: { id: 'user-admin', role: 'admin' },
  correlationId: 'c',
  causationId: 'r',
  now: '2026-11-25T10:00:00.000Z',
};

describe('RuleSetsReadModel over a real read-model database', () => {
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let runner: SubscriberRunner;
  let ruleSets: RuleSetsReadModel;

  beforeEach(async () => {
    store = new SqliteEventStore(':memory:', { pollIntervalMs: 5 });
    readModels = new ReadModelDatabase(':memory:');
    runner = new SubscriberRunner(store, readModels, [anyProjection(ruleSetsProjection)]);
    runner.start();
    await runner.caughtUp();
    ruleSets = new RuleSetsReadModel(readModels);
  });
  afterEach(async () => {
    await runner.stop();
    await store.close();
    readModels.close();
  });

  async function publish(municipality: string, ruleSet: RuleSet): Promise<void> {
    const { position } = await handleCommand(
      store,
      ruleSetStream(municipality),
      ruleSetDecider,
      { type: 'PublishRuleSet', data: { municipality, ruleSet } },
      context,
    );
    expect(await runner.waitFor(position!)).toBe(true);
  }

  it('answers the highest version already in effect on a day, and nothing before the first', async () => {
    await publish('hamedan', demoRuleSet);
    await publish('hamedan', { ...demoRuleSet, version: 2, effectiveFrom: '2027-03-21' });
    await publish('hamedan', { ...demoRuleSet, version: 3, effectiveFrom: '2027-03-21' });
    expect(ruleSets.inForce('hamedan', '2026-03-20')).toBeUndefined();
    expect(ruleSets.inForce('hamedan', '2026-03-21')?.version).toBe(1);
    expect(ruleSets.inForce('hamedan', '2027-03-20')?.version).toBe(1);
    expect(ruleSets.inForce('hamedan', '2027-03-21')?.version).toBe(3);
    expect(ruleSets.inForce('tehran', '2030-01-01')).toBeUndefined();
    expect(ruleSets.version('hamedan', 2)).toMatchObject({ version: 2, effectiveFrom: '2027-03-21' });
    expect(ruleSets.version('hamedan', 4)).toBeUndefined();
    expect(ruleSets.version('hamedan', 0)).toBeUndefined();
    expect(ruleSets.versions('hamedan')).toEqual([
      { version: 1, effectiveFrom: '2026-03-21', publishedAt: context.now },
      { version: 2, effectiveFrom: '2027-03-21', publishedAt: context.now },
      { version: 3, effectiveFrom: '2027-03-21', publishedAt: context.now },
    ]);
    expect(ruleSets.versions('tehran')).toEqual([]);
  });

  it('sorts versions as numbers, not as text', async () => {
    for (let version = 1; version <= 11; version += 1) await publish('hamedan', { ...demoRuleSet, version });
    expect(ruleSets.versions('hamedan').map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(ruleSets.inForce('hamedan', '2026-12-01')?.version).toBe(11);
    expect(ruleSets.version('hamedan', 10)?.version).toBe(10);
  });

  it('serves repeated calls from memory, frozen, and never a stale answer after a publication', async () => {
    await publish('hamedan', demoRuleSet);
    await publish('tehran', demoRuleSet);
    const first = ruleSets.inForce('hamedan', '2026-12-01')!;
    expect(ruleSets.inForce('hamedan', '2026-12-01')).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.zones['R1'])).toBe(true);

    const tehran = ruleSets.inForce('tehran', '2026-12-01');
    await publish('hamedan', { ...demoRuleSet, version: 2, effectiveFrom: '2026-11-01' });
    expect(ruleSets.inForce('hamedan', '2026-12-01')?.version).toBe(2);
    expect(ruleSets.inForce('hamedan', '2026-10-31')?.version).toBe(1);
    expect(ruleSets.inForce('tehran', '2026-12-01')).toEqual(tehran);
    expect(ruleSets.versions('hamedan')).toHaveLength(2);
  });
});
