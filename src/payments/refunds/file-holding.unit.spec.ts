import { fees, history, variant } from '../../permits/permit.fixtures.js';
import { fileHolding } from './file-holding.js';

describe('what a permit file holds of a payment', () => {
  it('holds a payment it recorded, under the gateway’s reference', () => {
    expect(fileHolding(history.paid, 'BANK-1')).toEqual({ status: 'paid', issued: false, holds: fees.total });
    expect(fileHolding(history.issued, 'BANK-1')).toEqual({
      status: 'issued',
      issued: true,
      holds: fees.total,
    });
  });

  it('still holds it once withdrawn: whether it keeps it is the decider’s', () => {
    expect(fileHolding(variant.withdrawnAfterFees, 'BANK-1')).toEqual({
      status: 'withdrawn',
      issued: false,
      holds: fees.total,
    });
  });

  it('holds nothing of a payment it never recorded (one it refused)', () => {
    expect(fileHolding(history.issued, 'BANK-2').holds).toBe(0);
    expect(fileHolding(history.issued, undefined).holds).toBe(0);
    expect(fileHolding([], 'BANK-1')).toEqual({ status: 'absent', issued: false, holds: 0 });
  });
});
