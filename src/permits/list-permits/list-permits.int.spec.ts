import { permitsProjection } from '../../../projections/permits/permits.projection.js';
import { ruleSetsProjection } from '../../../projections/rule-sets/rule-sets.projection.js';
import {
  mostRowsLoaded,
  pageThrough,
  seededReadModels,
  type QueryRun,
} from '../../event-store/subscriptions/read-model.fixtures.js';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { Caller } from '../../identity/auth/caller.decorator.js';
import type { Grant } from '../../identity/roles.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { PermitsReadModel } from '../permits.read-model.js';
import { ListPermitsHandler } from './list-permits.handler.js';
import { ListPermitsQuery } from './list-permits.query.js';
import { ListPermitsQueryDto } from './list-permits.request.dto.js';
import { RecordedReads } from '../../../test/support/recorded-reads.js';

const NOW = '2026-06-01T00:00:00.000Z';
const DAY_MS = 86_400_000;
const SLA = { review: 5, siteVisit: 3, mapOrder: 7 };
const STATUSES = ['submitted', 'under_review', 'surveying', 'surveyed', 'paid', 'draft', 'inspected'];
const CLERK_QUEUE = ['submitted', 'under_review', 'surveyed', 'design_submitted', 'in_commission'];

interface Seeded {
  readonly permitId: string;
  readonly municipality: string;
  readonly status: string;
  readonly stateSince: string;
  readonly inspection?: { readonly compliant: boolean };
}

const permits: Seeded[] = Array.from({ length: 400 }, (_, i) => ({
  permitId: `permit-${String((i * 53) % 400).padStart(3, '0')}`,
  municipality: i % 5 === 0 ? 'tehran' : 'hamedan',
  status: STATUSES[i % STATUSES.length]!,
  // Many files share an instant: the id breaks the tie.
  stateSince: new Date(Date.parse(NOW) - (i % 12) * DAY_MS - (i % 4) * 60_000).toISOString(),
  ...(i % 7 === 6 ? { inspection: { compliant: i % 2 === 0 } } : {}),
}));

const asDocument = (p: Seeded) => ({
  ...p,
  id: p.permitId,
  region: '1',
  renewalCode: '1-1-1-1-0-0-0',
  applicationType: 'NewConstruction',
  applicantNationalId: '0013542419',
  openedAt: p.stateSince,
  updatedAt: p.stateSince,
});

const SLA_DAYS: Record<string, number> = { submitted: 5, under_review: 5, surveying: 3, surveyed: 7 };
const byWaiting = (a: Seeded, b: Seeded) =>
  a.stateSince.localeCompare(b.stateSince) || a.permitId.localeCompare(b.permitId);
const inClerkQueue = (p: Seeded) =>
  p.municipality === 'hamedan' &&
  (CLERK_QUEUE.includes(p.status) || (p.status === 'inspected' && p.inspection?.compliant === false));

describe('GET /permits over a real read model', () => {
  let readModels: ReadModelDatabase;
  let runs: QueryRun[];
  let handler: ListPermitsHandler;
  let reads: RecordedReads;
  const grant: Grant = { role: 'clerk', municipality: 'hamedan' };
  const clerk = new Caller(
    {
      kind: 'user',
      id: 'user-clerk',
      displayName: 'clerk',
      grants: [grant],
      authenticatedBy: 'password_token',
    },
    grant,
    'request-1',
    'correlation-1',
    NOW,
  );
  const list = (given: Partial<ListPermitsQueryDto>) =>
    handler.answer(new ListPermitsQuery(clerk, Object.assign(new ListPermitsQueryDto(), given)));

  beforeAll(() => {
    ({ readModels, runs } = seededReadModels([
      [permitsProjection, permits.map((p) => ({ id: p.permitId, doc: asDocument(p) }))],
      [
        ruleSetsProjection,
        [
          {
            id: 'hamedan:1',
            doc: { municipality: 'hamedan', version: 1, effectiveFrom: '2020-01-01', sla: SLA },
          },
        ],
      ],
    ]));
  });
  afterAll(() => readModels.close());
  beforeEach(() => {
    runs.length = 0;
    // Nothing cached from the tests before.
    reads = new RecordedReads();
    handler = new ListPermitsHandler(
      new PermitsReadModel(readModels),
      new RuleSetsReadModel(readModels),
      reads,
    );
  });

  const mostLoaded = () => mostRowsLoaded(runs);

  it('pages through a clerk’s worklist by cursor: every file once, the longest waiting first', () => {
    const expected = permits.filter(inClerkQueue).sort(byWaiting);
    const { items, pages } = pageThrough((cursor) => list({ pageSize: 7, ...(cursor ? { cursor } : {}) }));
    expect(items.map((i) => i.permitId)).toEqual(expected.map((p) => p.permitId));
    expect(pages).toBe(Math.ceil(expected.length / 7));
    expect(mostLoaded()).toBeLessThanOrEqual(8);
  });

  it('records each row of a page as a read of its applicant’s data, and only that page’s rows', () => {
    const page = list({ pageSize: 3 });
    expect(reads.accesses).toEqual(
      page.items.map((row) => ({
        reader: 'user-clerk',
        access: expect.objectContaining({
          what: 'permit_summary',
          subject: row.permitId,
          citizens: ['0013542419'],
          municipality: 'hamedan',
        }),
      })),
    );
  });

  it('loads one page’s rows for a deep page', () => {
    const expected = permits.filter(inClerkQueue).sort(byWaiting);
    const page = list({ page: 30, pageSize: 5 });
    expect(page.items.map((i) => i.permitId)).toEqual(expected.slice(145, 150).map((p) => p.permitId));
    expect(page.total).toBe(expected.length);
    expect(mostLoaded()).toBeLessThanOrEqual(6);
  });

  it('selects overdue files in the database, a page at a time', () => {
    const overdue = (p: Seeded) =>
      SLA_DAYS[p.status] !== undefined &&
      Date.parse(p.stateSince) + SLA_DAYS[p.status]! * DAY_MS < Date.parse(NOW);
    const expected = permits.filter((p) => inClerkQueue(p) && overdue(p)).sort(byWaiting);
    expect(expected.length).toBeGreaterThan(20);
    const { items } = pageThrough((cursor) =>
      list({ overdue: 'true', pageSize: 10, ...(cursor ? { cursor } : {}) }),
    );
    expect(items.map((i) => i.permitId)).toEqual(expected.map((p) => p.permitId));
    expect(mostLoaded()).toBeLessThanOrEqual(11);
  });

  it('refuses a malformed cursor and a page deeper than offsets may go', () => {
    const refusal = (given: Partial<ListPermitsQueryDto>) => {
      try {
        list(given);
      } catch (error) {
        return error instanceof DomainError ? [error.code, error.kind] : error;
      }
      return undefined;
    };
    expect(refusal({ cursor: 'bm90IGEgY3Vyc29y' })).toEqual(['REQUEST.INVALID_CURSOR', 'invalid']);
    expect(refusal({ page: 502, pageSize: 20 })).toEqual(['REQUEST.PAGE_TOO_DEEP', 'invalid']);
  });
});
