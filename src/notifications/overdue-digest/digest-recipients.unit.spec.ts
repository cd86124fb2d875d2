import type { DeadlineRow } from '../../../projections/audit-reports/report-rows.js';
import { digestsOf, type OverdueInspection, type StaffMember } from './digest-recipients.js';

const row = (id: string, changes: Partial<DeadlineRow> = {}): DeadlineRow => ({
  process: 'permit',
  id,
  municipality: 'hamedan',
  region: '1',
  renewalCode: '1-1-1-1-0-0-0',
  stage: 'under_review',
  since: '2026-11-01T08:00:00.000Z',
  dueAt: '2026-11-15T08:00:00.000Z',
  overdueSeconds: 86_400,
  ...changes,
});

const clerk = (userId: string, regions?: string[]): StaffMember => ({
  userId,
  grants: [{ role: 'clerk', municipality: 'hamedan', ...(regions ? { regions } : {}) }],
});
const surveyor: StaffMember = { userId: 'surveyor', grants: [{ role: 'surveyor', municipality: 'hamedan' }] };
const elsewhere: StaffMember = {
  userId: 'tehran-clerk',
  grants: [{ role: 'clerk', municipality: 'tehran' }],
};

describe('digestsOf', () => {
  const staff = [clerk('all-regions'), clerk('region-2', ['2']), surveyor, elsewhere];

  it('gives a held file to its holder alone', () => {
    const digests = digestsOf([row('p1', { holderId: 'surveyor', stage: 'surveying' })], staff);
    expect([...digests.keys()]).toEqual(['surveyor']);
  });

  it('gives a file nobody holds to every clerk of its municipality and region', () => {
    const digests = digestsOf([row('p2', { stage: 'submitted' }), row('p3', { region: '2' })], staff);
    expect(digests.get('all-regions')?.map((r) => r.id)).toEqual(['p2', 'p3']);
    expect(digests.get('region-2')?.map((r) => r.id)).toEqual(['p3']);
    expect(digests.has('surveyor')).toBe(false);
    expect(digests.has('tehran-clerk')).toBe(false);
  });

  it('gives the file of someone who left to the clerks, so that it is nobody’s blind spot', () => {
    const digests = digestsOf([row('p4', { holderId: 'left-last-year' })], staff);
    expect(digests.get('all-regions')?.map((r) => r.id)).toEqual(['p4']);
  });
});

describe('digestsOf, for stage inspections (بازرسی مرحله‌ای)', () => {
  const inspection = (changes: Partial<OverdueInspection> = {}): OverdueInspection => ({
    process: 'inspection',
    id: 'p9',
    municipality: 'hamedan',
    region: '1',
    stage: 'foundation',
    dueAt: '2026-11-15T08:00:00.000Z',
    holderId: 'inspector',
    ...changes,
  });
  const inspector = (userId: string, regions?: string[]): StaffMember => ({
    userId,
    grants: [{ role: 'inspector', municipality: 'hamedan', ...(regions ? { regions } : {}) }],
  });
  const staff = [clerk('all-regions'), clerk('region-2', ['2']), surveyor, inspector('inspector')];

  it('gives an overdue inspection to its inspector alone', () => {
    const digests = digestsOf([inspection()], [...staff, inspector('colleague')]);
    expect([...digests.entries()]).toEqual([['inspector', [inspection()]]]);
  });

  it('gives the inspection of an inspector who left to the clerks of its region', () => {
    const gone = digestsOf([inspection()], staff.slice(0, 3));
    const nowSurveying = digestsOf([inspection({ holderId: 'surveyor' })], staff);
    for (const digests of [gone, nowSurveying]) expect([...digests.keys()]).toEqual(['all-regions']);
  });

  it('never gives it to an inspector of another region or city, even the one it names', () => {
    const otherCity: StaffMember = {
      userId: 'inspector',
      grants: [{ role: 'inspector', municipality: 'tehran' }],
    };
    for (const assigned of [inspector('inspector', ['2']), otherCity]) {
      const digests = digestsOf([inspection()], [...staff.slice(0, 3), assigned]);
      expect([...digests.keys()]).toEqual(['all-regions']);
    }
  });
});
