import type { InquiryKind } from '../rule-sets/rule-set.js';
import { inquiryFindings, type ParcelFacts, type PermitFacts } from './inquiry-checks.js';

const permitId = '0192f3a4-0000-7000-8000-000000000001';
const file = (facts: Partial<PermitFacts>): PermitFacts => ({
  permitId,
  status: 'issued',
  feesOutstanding: 0,
  violations: [],
  documentRevoked: false,
  ...facts,
});
const parcel = (facts: Partial<ParcelFacts> = {}): ParcelFacts => ({
  unpaidDues: [],
  hasBuilding: true,
  permits: [],
  ...facts,
});
const codes = (kind: InquiryKind, facts: ParcelFacts) =>
  inquiryFindings(kind, facts).reasons.map((r) => r.code);
const KINDS: InquiryKind[] = ['Transfer', 'Bank', 'Utility', 'NoViolation'];

describe('inquiry checks', () => {
  it.each(KINDS)('clears a %s inquiry on a parcel that owes nothing and has no violation', (kind) => {
    expect(inquiryFindings(kind, parcel())).toEqual({ reasons: [], amountsDue: [] });
  });

  it('blocks a transfer or bank inquiry on unpaid renewal dues and permit fees, with the amounts', () => {
    const facts = parcel({
      unpaidDues: [
        { year: 1404, amount: 450_000 },
        { year: 1405, amount: 500_000 },
      ],
      permits: [file({ status: 'fees_assessed', feesOutstanding: 12_000_000 })],
    });
    for (const kind of ['Transfer', 'Bank'] as const) {
      expect(inquiryFindings(kind, facts)).toEqual({
        reasons: [
          expect.objectContaining({ code: 'UNPAID_RENEWAL_DUES' }),
          expect.objectContaining({ code: 'UNPAID_RENEWAL_DUES' }),
          expect.objectContaining({ code: 'UNPAID_PERMIT_FEES', permitId }),
        ],
        amountsDue: [
          { item: 'renewal_dues', amount: 450_000, year: 1404 },
          { item: 'renewal_dues', amount: 500_000, year: 1405 },
          { item: 'permit_fees', amount: 12_000_000, permitId },
        ],
      });
    }
  });

  it('does not hold the owner’s debts against a utility or a no-violation certificate', () => {
    const facts = parcel({ unpaidDues: [{ year: 1405, amount: 500_000 }] });
    expect(codes('Utility', facts)).toEqual([]);
    expect(codes('NoViolation', facts)).toEqual([]);
  });

  it.each([
    ['a non-compliant inspection', { status: 'inspected', violations: ['extra floor'] }, 'OPEN_VIOLATION'],
    [
      'a file before the commission',
      { status: 'in_commission', violations: ['extra floor'] },
      'OPEN_VIOLATION',
    ],
    ['an unpaid fine', { status: 'fine_due', fineAmount: 90_000_000 }, 'UNPAID_FINE'],
    ['a demolition ruling', { status: 'demolition_ordered' }, 'DEMOLITION_ORDERED'],
  ] as const)('blocks every kind on %s', (_why, facts, code) => {
    for (const kind of KINDS) expect(codes(kind, parcel({ permits: [file(facts)] }))).toEqual([code]);
  });

  it('lists what the inspector found, and the fine as an amount due', () => {
    const violations = ['a fourth floor beyond the permit'];
    expect(
      inquiryFindings('NoViolation', parcel({ permits: [file({ status: 'in_commission', violations })] })),
    ).toMatchObject({ reasons: [{ code: 'OPEN_VIOLATION', permitId, violations }], amountsDue: [] });
    expect(
      inquiryFindings('NoViolation', parcel({ permits: [file({ status: 'fine_due', fineAmount: 9 })] }))
        .amountsDue,
    ).toEqual([{ item: 'fine', amount: 9, permitId }]);
  });

  it('does not count a compliant inspection, a paid fine or a file’s own progress as a violation', () => {
    const permits = [file({ status: 'inspected' }), file({ status: 'fine_paid' }), file({ status: 'paid' })];
    for (const kind of KINDS) expect(codes(kind, parcel({ permits }))).toEqual([]);
  });

  it('connects a utility only to a lawful building: standing, permitted or certified', () => {
    const vacant = parcel({ hasBuilding: false });
    expect(codes('Utility', vacant)).toEqual(['NO_CONNECTION_BASIS']);
    expect(codes('Utility', { ...vacant, permits: [file({ status: 'design_approved' })] })).toEqual([
      'NO_CONNECTION_BASIS',
    ]);
    for (const status of ['issued', 'completed', 'fine_paid'] as const) {
      expect(codes('Utility', { ...vacant, permits: [file({ status })] })).toEqual([]);
    }
    expect(codes('Transfer', vacant)).toEqual([]);
    expect(
      codes('Utility', { ...vacant, permits: [file({ status: 'issued', documentRevoked: true })] }),
    ).toEqual(['NO_CONNECTION_BASIS']);
  });
});
