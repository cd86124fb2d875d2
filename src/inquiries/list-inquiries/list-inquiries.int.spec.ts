import { inquiriesProjection } from '../../../projections/inquiries/inquiries.projection.js';
import {
  mostRowsLoaded,
  pageThrough,
  seededReadModels,
  type QueryRun,
} from '../../event-store/subscriptions/read-model.fixtures.js';
import type { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { Caller } from '../../identity/auth/caller.decorator.js';
import type { Grant } from '../../identity/roles.js';
import { DomainError } from '../../shared/domain-error.js';
import { InquiriesReadModel } from '../inquiries.read-model.js';
import { ListInquiriesHandler } from './list-inquiries.handler.js';
import { ListInquiriesQuery } from './list-inquiries.query.js';
import { ListInquiriesQueryDto } from './list-inquiries.request.dto.js';
import { RecordedReads } from '../../../test/support/recorded-reads.js';

const NOW = '2026-06-01T00:00:00.000Z';
const HOUR_MS = 3_600_000;
const STATUSES = ['checking', 'awaiting_clerk', 'answered'] as const;

interface Seeded {
  readonly inquiryId: string;
  readonly municipality: string;
  readonly region: string;
  readonly organisation: string;
  readonly status: (typeof STATUSES)[number];
  readonly filedAt: string;
  readonly dueAt: string;
}

const inquiries: Seeded[] = Array.from({ length: 360 }, (_, i) => ({
  inquiryId: `inquiry-${String((i * 71) % 360).padStart(3, '0')}`,
  municipality: i % 6 === 0 ? 'tehran' : 'hamedan',
  region: String((i % 4) + 1),
  organisation: i % 2 === 0 ? 'notary-12' : 'bank-3',
  status: STATUSES[i % 3]!,
  filedAt: new Date(Date.parse(NOW) - (i % 30) * HOUR_MS).toISOString(),
  // Many share a deadline; some have passed.
  dueAt: new Date(Date.parse(NOW) + ((i % 9) - 4) * HOUR_MS).toISOString(),
}));

const asDocument = (q: Seeded) => ({
  ...q,
  id: q.inquiryId,
  kind: 'Transfer',
  renewalCode: `1-${q.region}-1-1-0-0-0`,
  requesterReference: 'ref',
  purpose: 'transfer',
  updatedAt: q.filedAt,
  position: '1',
});

const caller = (grant: Grant) =>
  new Caller(
    {
      kind: 'user',
      id: 'user-1',
      displayName: 'someone',
      grants: [grant],
      authenticatedBy: 'password_token',
    },
    grant,
    'request-1',
    'correlation-1',
    NOW,
  );
const overdue = (q: Seeded) => q.status !== 'answered' && q.dueAt < NOW;
const ascending = (field: 'dueAt' | 'filedAt') => (a: Seeded, b: Seeded) =>
  a[field].localeCompare(b[field]) || a.inquiryId.localeCompare(b.inquiryId);
const latestFirst = (a: Seeded, b: Seeded) =>
  b.filedAt.localeCompare(a.filedAt) || a.inquiryId.localeCompare(b.inquiryId);

describe('GET /inquiries over a real read model', () => {
  let readModels: ReadModelDatabase;
  let runs: QueryRun[];
  let handler: ListInquiriesHandler;
  const list = (grant: Grant, given: Partial<ListInquiriesQueryDto>) =>
    handler.page(new ListInquiriesQuery(Object.assign(new ListInquiriesQueryDto(), given), caller(grant)));

  beforeAll(() => {
    ({ readModels, runs } = seededReadModels([
      [inquiriesProjection, inquiries.map((q) => ({ id: q.inquiryId, doc: asDocument(q) }))],
    ]));
    handler = new ListInquiriesHandler(new InquiriesReadModel(readModels), new RecordedReads());
  });
  afterAll(() => readModels.close());
  beforeEach(() => {
    runs.length = 0;
  });

  const oversightOfRegions: Grant = { role: 'oversight', municipality: 'hamedan', regions: ['2', '3'] };
  const ofRegions = (q: Seeded) => q.municipality === 'hamedan' && ['2', '3'].includes(q.region);

  it.each<
    [string, Grant, Partial<ListInquiriesQueryDto>, (q: Seeded) => boolean, (a: Seeded, b: Seeded) => number]
  >([
    [
      'a region-bound overseer, overdue',
      oversightOfRegions,
      { overdue: 'true' },
      (q) => ofRegions(q) && overdue(q),
      ascending('dueAt'),
    ],
    [
      'a region-bound overseer, not overdue',
      oversightOfRegions,
      { overdue: 'false' },
      (q) => ofRegions(q) && !overdue(q),
      ascending('dueAt'),
    ],
    [
      'a clerk’s worklist',
      { role: 'clerk', municipality: 'hamedan' },
      {},
      (q) => q.municipality === 'hamedan' && q.status === 'awaiting_clerk',
      ascending('dueAt'),
    ],
    [
      'an organisation, the latest first',
      { role: 'notary', organisation: 'notary-12' },
      {},
      (q) => q.organisation === 'notary-12',
      latestFirst,
    ],
  ])(
    'pages by cursor through every inquiry of %s once, loading a page at a time',
    (_, grant, given, kept, order) => {
      const expected = inquiries.filter(kept).sort(order);
      expect(expected.length).toBeGreaterThan(20);
      const { items } = pageThrough((cursor) =>
        list(grant, { ...given, pageSize: 6, ...(cursor ? { cursor } : {}) }),
      );
      expect(items.map((i) => i.inquiryId)).toEqual(expected.map((q) => q.inquiryId));
      expect(mostRowsLoaded(runs)).toBeLessThanOrEqual(7);
    },
  );

  it('loads one page’s rows for a deep filtered page', () => {
    // Nothing cached from the tests before.
    handler = new ListInquiriesHandler(new InquiriesReadModel(readModels), new RecordedReads());
    const expected = inquiries.filter((q) => ofRegions(q) && !overdue(q)).sort(ascending('dueAt'));
    const page = list(oversightOfRegions, { overdue: 'false', page: 8, pageSize: 5 });
    expect(page.items.map((i) => i.inquiryId)).toEqual(expected.slice(35, 40).map((q) => q.inquiryId));
    expect(page.total).toBe(expected.length);
    expect(mostRowsLoaded(runs)).toBeLessThanOrEqual(6);
  });

  it('refuses a malformed cursor', () => {
    expect(() => list({ role: 'notary', organisation: 'notary-12' }, { cursor: 'e30' })).toThrow(DomainError);
    expect(() => list({ role: 'notary', organisation: 'notary-12' }, { cursor: 'e30' })).toThrow(
      'cursor is not a nextCursor of this list',
    );
  });
});
