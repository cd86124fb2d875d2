import { permitTimelineProjection } from '../../../projections/permits/permit-timeline.projection.js';
import { usersProjection } from '../../../projections/users/users.projection.js';
import {
  mostRowsLoaded,
  pageThrough,
  seededReadModels,
  type QueryRun,
} from '../../event-store/subscriptions/read-model.fixtures.js';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { AuditTrail } from '../../audit/audit-trail.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import type { PermitAccess } from '../permit-access.js';
import { PermitTimelineReadModel } from '../permit-timeline.read-model.js';
import { GetPermitTimelineHandler } from './get-permit-timeline.handler.js';
import { GetPermitTimelineQuery } from './get-permit-timeline.query.js';
import { PermitTimelineQueryDto } from './get-permit-timeline.request.dto.js';

const entry = (permitId: string, revision: number) => ({
  // Event ids out of revision order: the timeline follows the revision.
  id: `${permitId}-event-${String((revision * 17) % 250).padStart(3, '0')}`,
  permitId,
  revision,
  position: String(revision),
  type: 'PermitDocumentAttached',
  actor: { id: 'user-1', role: 'citizen' },
  recordedAt: '2026-01-01T00:00:00.000Z',
  recordedAtJalali: '1404-10-11',
  titleFa: 'پیوست',
  details: {},
});

describe('GET /permits/:id/timeline over a real read model', () => {
  let readModels: ReadModelDatabase;
  let runs: QueryRun[];
  let handler: GetPermitTimelineHandler;
  const entries = [...Array.from({ length: 250 }, (_, r) => entry('permit-a', r)), entry('permit-b', 0)];

  beforeAll(() => {
    ({ readModels, runs } = seededReadModels([
      [permitTimelineProjection, entries.map((doc) => ({ id: doc.id, doc }))],
      [usersProjection, []],
    ]));
    // Who may see the file is PermitAccess's business, tested with it.
    const access = {
      ownedOrHandled: (_: Caller, permitId: string) => ({ permitId }),
    } as unknown as PermitAccess;
    handler = new GetPermitTimelineHandler(
      access,
      new PermitTimelineReadModel(readModels),
      new UsersReadModel(readModels),
      { accessed: () => undefined } as unknown as AuditTrail,
    );
  });
  afterAll(() => readModels.close());

  it('shows a long file page by page, every event once and in order, a page of rows at a time', () => {
    runs.length = 0;
    const { items, pages } = pageThrough((cursor) =>
      handler.answer(
        new GetPermitTimelineQuery(
          {} as Caller,
          'permit-a',
          Object.assign(new PermitTimelineQueryDto(), cursor ? { cursor } : {}),
        ),
      ),
    );
    expect(items.map((i) => i.id)).toEqual(entries.filter((e) => e.permitId === 'permit-a').map((e) => e.id));
    expect(pages).toBe(3);
    expect(mostRowsLoaded(runs)).toBeLessThanOrEqual(101);
  });
});
