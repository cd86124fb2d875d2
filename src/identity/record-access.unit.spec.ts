import type { Principal } from './principal.js';
import { recordAccess, type RecordScope } from './record-access.js';
import type { Grant } from './roles.js';

const principal = (grants: Grant[], nationalId?: string): Principal => ({
  kind: 'user',
  id: 'user-1',
  displayName: 'x',
  grants,
  authenticatedBy: 'password_token',
  ...(nationalId ? { nationalId } : {}),
});

const parcel: RecordScope = { municipality: 'hamedan', region: '1', ownerNationalIds: ['0013542419'] };

describe('recordAccess', () => {
  it('lets the owner in as owner, and nobody else as owner', () => {
    expect(recordAccess(principal([{ role: 'citizen' }], '0013542419'), parcel)).toBe('owner');
    expect(recordAccess(principal([{ role: 'citizen' }], '0499370899'), parcel)).toBe('none');
    expect(recordAccess(undefined, parcel)).toBe('none');
  });

  it('lets municipal staff of the record’s municipality in, within their regions', () => {
    expect(recordAccess(principal([{ role: 'clerk', municipality: 'hamedan' }]), parcel)).toBe('staff');
    expect(recordAccess(principal([{ role: 'clerk', municipality: 'tehran' }]), parcel)).toBe('none');
    expect(
      recordAccess(principal([{ role: 'clerk', municipality: 'hamedan', regions: ['1'] }]), parcel),
    ).toBe('staff');
    expect(
      recordAccess(principal([{ role: 'clerk', municipality: 'hamedan', regions: ['2'] }]), parcel),
    ).toBe('none');
  });

  it('counts only the grant the caller acts under, when one is named', () => {
    const signatoryOfTehran: Grant = { role: 'signatory', municipality: 'tehran' };
    const cashierOfHamedan: Grant = { role: 'cashier', municipality: 'hamedan' };
    const both = principal([signatoryOfTehran, cashierOfHamedan]);
    expect(recordAccess(both, parcel, undefined, signatoryOfTehran)).toBe('none');
    expect(recordAccess(both, parcel, undefined, cashierOfHamedan)).toBe('staff');
    expect(recordAccess(both, parcel)).toBe('staff');
  });

  it('does not make admins or organisation users staff', () => {
    expect(recordAccess(principal([{ role: 'admin' }]), parcel)).toBe('none');
    expect(recordAccess(principal([{ role: 'notary', organisation: 'notary-office-12' }]), parcel)).toBe(
      'none',
    );
  });

  it('treats a counter office acting for an owner as that owner, and only a counter office', () => {
    const office = principal([{ role: 'counter_office', organisation: 'counter-office-3' }]);
    expect(recordAccess(office, parcel, '0013542419')).toBe('owner');
    expect(recordAccess(office, parcel, '0499370899')).toBe('none');
    expect(recordAccess(office, parcel)).toBe('none');
    expect(recordAccess(principal([{ role: 'citizen' }], '0499370899'), parcel, '0013542419')).toBe('none');
  });

  it('lets an organisation see what it filed', () => {
    const inquiry = { municipality: 'hamedan', organisation: 'notary-office-12' };
    expect(recordAccess(principal([{ role: 'notary', organisation: 'notary-office-12' }]), inquiry)).toBe(
      'organisation',
    );
    expect(recordAccess(principal([{ role: 'notary', organisation: 'notary-office-7' }]), inquiry)).toBe(
      'none',
    );
  });
});
