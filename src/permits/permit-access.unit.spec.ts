import { Caller } from '../identity/auth/caller.decorator.js';
import type { Grant } from '../identity/roles.js';
import { readerOf, seenBy } from './permit-access.js';
import type { PermitView } from './permits.read-model.js';

const staff = (role: Grant['role'], id: string, grant: Partial<Grant> = {}) =>
  new Caller(
    {
      kind: 'user',
      id,
      displayName: id,
      grants: [{ role, municipality: 'hamedan', ...grant }],
      authenticatedBy: 'password_token',
    },
    { role, municipality: 'hamedan', ...grant },
    'r',
    'c',
    '2026-01-01T00:00:00.000Z',
  );
const inspector = (id: string, grant: Partial<Grant> = {}) => staff('inspector', id, grant);

const file = (fields: Partial<PermitView>) =>
  ({
    permitId: 'p-1',
    municipality: 'hamedan',
    region: '1',
    applicantNationalId: '0013542419',
    status: 'issued',
    attachments: [{ kind: 'ownership_deed', sha256: 'a'.repeat(64), size: 1, mediaType: 'x', fileName: 'x' }],
    payments: [{}],
    ...fields,
  }) as PermitView;

const stages = (inspectorId?: string): Partial<PermitView> => ({
  inspectionStages: [{ stage: 'foundation', deadlineDays: 7, engineerReports: [], inspectorId }],
  inspectionStage: 'foundation',
  ...(inspectorId ? { inspectorId } : {}),
});

describe('who reads a permit file as its building inspector (بازرس ساختمان)', () => {
  it('opens it to the inspector assigned the stage under way, not to the others of the region', () => {
    expect(readerOf(inspector('i-1'), file(stages('i-1')))).toBe('inspector');
    expect(readerOf(inspector('i-2'), file(stages('i-1')))).toBeUndefined();
    expect(readerOf(inspector('i-1'), file(stages()))).toBeUndefined();
  });

  it('keeps it closed to the assigned inspector outside their region or municipality', () => {
    expect(readerOf(inspector('i-1', { regions: ['2'] }), file(stages('i-1')))).toBeUndefined();
    expect(readerOf(inspector('i-1', { municipality: 'qazvin' }), file(stages('i-1')))).toBeUndefined();
  });

  it('opens a file without stages to the region’s inspectors while its completion inspection is asked for', () => {
    expect(readerOf(inspector('i-2'), file({ status: 'completion_requested' }))).toBe('inspector');
    expect(readerOf(inspector('i-2'), file({ status: 'issued' }))).toBeUndefined();
    expect(readerOf(inspector('i-2'), file({ status: 'inspected' }))).toBeUndefined();
  });

  it('shows the inspector neither the applicant’s national id, nor their papers, nor their payments', () => {
    const seen = seenBy(inspector('i-1'), file(stages('i-1')));
    expect(seen).toMatchObject({ applicantNationalId: '********19', attachments: [], payments: [] });
    expect(seen.inspectionStages).toHaveLength(1);
  });
});

describe('what the municipality’s staff see of a file', () => {
  it('shows the surveyor (نقشه‌بردار) the file and its papers but not what its applicant paid', () => {
    const seen = seenBy(staff('surveyor', 's-1'), file({}));
    expect(seen).toMatchObject({ applicantNationalId: '0013542419', payments: [] });
    expect(seen.attachments).toHaveLength(1);
  });

  it('shows the clerk and the cashier the whole file, payments too', () => {
    for (const role of ['clerk', 'cashier'] as const) {
      expect(seenBy(staff(role, 'u-1'), file({})).payments).toHaveLength(1);
    }
  });
});
