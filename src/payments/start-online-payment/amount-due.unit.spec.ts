import type { PermitView } from '../../../projections/permits/permits.projection.js';
import { amountDue } from './amount-due.js';

const fees = { ruleSetVersion: 1, lines: [], overrides: [], assessedAt: '2026-03-01T06:00:00.000Z' };
const file = (doc: Partial<PermitView>) => ({ status: 'fees_assessed', ...doc }) as PermitView;
const ruling = { ruling: 'fine' as const, fineAmount: 300_000_000, reference: 'C100-1', ruledAt: '' };

describe('the amount an online payment asks for', () => {
  it('is the fees outstanding while the fees are assessed', () => {
    const doc = file({ fees: { ...fees, total: 900, paid: 100, outstanding: 800 } });
    expect(amountDue(doc, 'fees')).toBe(800);
  });

  it('is the commission’s fine while it is due', () => {
    expect(amountDue(file({ status: 'fine_due', commission: { referredAt: '', ruling } }), 'fine')).toBe(
      300_000_000,
    );
  });

  it.each([
    [
      'fees',
      'a paid file',
      file({ status: 'paid', fees: { ...fees, total: 900, paid: 900, outstanding: 0 } }),
    ],
    ['fees', 'fees of 0 rials', file({ fees: { ...fees, total: 0, paid: 0, outstanding: 0 } })],
    ['fees', 'fees not yet assessed', file({ status: 'design_approved' })],
    ['fine', 'no ruling', file({ fees: { ...fees, total: 900, paid: 0, outstanding: 900 } })],
    ['fine', 'a paid fine', file({ status: 'fine_paid', commission: { referredAt: '', ruling } })],
  ] as const)('is nothing for the %s with %s', (purpose, _, doc) => {
    expect(() => amountDue(doc, purpose)).toThrow(
      expect.objectContaining({
        code: 'PAYMENT.NOTHING_DUE',
        kind: 'conflict',
        details: { status: doc.status, purpose },
      }),
    );
  });
});
