import type { PermitView } from '../../../projections/permits/permits.projection.js';
import { parcelDebts } from '../../parcels/parcel-debts.js';
import { parcelFacts } from './parcel-facts.js';

const permitId = '0192f3a4-0000-7000-8000-000000000001';

describe('parcel facts', () => {
  it('reads the facts from the parcel’s views', () => {
    const dues = [
      { year: 1404, billed: 400, paid: 400 },
      { year: 1405, billed: 500, paid: 100 },
    ];
    const files = [
      {
        permitId,
        status: 'in_commission',
        fees: { outstanding: 0 },
        inspection: { compliant: false, violations: [{ description: 'extra floor' }] },
        documents: { permit: 'REVOKED0001' },
      },
      { permitId: 'p2', status: 'fine_due', commission: { ruling: { fineAmount: 7 } }, documents: {} },
    ] as unknown as PermitView[];
    const withdrawn = (code: string) => code === 'REVOKED0001';
    expect(parcelFacts({ existingBuilding: null }, parcelDebts({ dues }), files, withdrawn)).toEqual({
      unpaidDues: [{ year: 1405, amount: 400 }],
      hasBuilding: false,
      permits: [
        {
          permitId,
          status: 'in_commission',
          feesOutstanding: 0,
          violations: ['extra floor'],
          documentRevoked: true,
        },
        {
          permitId: 'p2',
          status: 'fine_due',
          feesOutstanding: 0,
          fineAmount: 7,
          violations: [],
          documentRevoked: false,
        },
      ],
    });
  });
});
