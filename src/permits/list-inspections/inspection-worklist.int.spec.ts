import { permitsProjection } from '../../../projections/permits/permits.projection.js';
import { seededReadModels } from '../../event-store/subscriptions/read-model.fixtures.js';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { PermitsReadModel } from '../permits.read-model.js';
import { overdueInspections } from './inspection-worklist.js';

const DUE_BY = '2026-11-15T08:00:00.000Z';
const file = (id: string, stage: Record<string, string>) => ({
  id,
  doc: { permitId: id, municipality: 'hamedan', region: '1', status: 'issued', ...stage },
});

describe('the overdue stage inspections, over a real read model', () => {
  let readModels: ReadModelDatabase;
  let permits: PermitsReadModel;

  beforeAll(() => {
    ({ readModels } = seededReadModels([
      [
        permitsProjection,
        [
          file('assigned', { inspectionStage: 'foundation', inspectorId: 'i-1', inspectionDueBy: DUE_BY }),
          // The stage before was inspected: the one under way waits for an inspector, with no deadline yet.
          file('unassigned', { inspectionStage: 'roof' }),
          // Every stage inspected: none under way.
          file('done', {}),
        ],
      ],
    ]));
    permits = new PermitsReadModel(readModels);
  });
  afterAll(() => readModels.close());

  const overdueAt = (now: string) =>
    permits.list({ where: overdueInspections(now), limit: 10 }).items.map((p) => p.permitId);

  it('holds an assigned stage once its deadline has passed, and not a moment before', () => {
    expect(overdueAt('2026-11-15T07:59:59.999Z')).toEqual([]);
    expect(overdueAt(DUE_BY)).toEqual([]);
    expect(overdueAt('2026-11-15T08:00:00.001Z')).toEqual(['assigned']);
    expect(overdueAt('2027-11-15T08:00:00.000Z')).toEqual(['assigned']);
  });
});
