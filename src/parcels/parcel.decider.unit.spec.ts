import { given } from '../../test/support/given.js';
import { DomainError } from '../shared/domain-error.js';
import { ownersProblem, parcelDecider, type ParcelCommand } from './parcel.decider.js';
import type { ParcelEvent, ParcelOwner } from './parcel.events.js';

const key = { municipality: 'hamedan', renewalCode: '1-1-1-1-0-0-0' };
const zahra: ParcelOwner = { nationalId: '0013542419', name: 'زهرا احمدی', sharePct: 100 };
const details = {
  areaM2: 250,
  streetWidthM: 12,
  zone: 'R2',
  landUse: 'residential',
  existingBuilding: { floors: 2, areaM2: 300 },
};
const registration = { ...key, ...details, owners: [zahra] };
const registered: ParcelEvent = { type: 'ParcelRegistered', data: registration };
const billed1405: ParcelEvent = { type: 'RenewalDuesBilled', data: { ...key, year: 1405, amount: 600_000 } };
const paid = (amount: number, reference: string, year = 1405): ParcelEvent => ({
  type: 'RenewalDuesPaid',
  data: { ...key, year, amount, reference, channel: 'cashier' },
});
const pay = (amount: number, reference: string, year = 1405): ParcelCommand => ({
  type: 'PayRenewalDues',
  data: { ...key, year, amount, reference, channel: 'cashier' },
});

describe('parcel decider', () => {
  describe('RegisterParcel', () => {
    it('registers a new parcel', () => {
      expect(given(parcelDecider).when({ type: 'RegisterParcel', data: registration })).toEqual([registered]);
    });

    it('registers vacant land', () => {
      const data = { ...registration, existingBuilding: null };
      expect(given(parcelDecider).when({ type: 'RegisterParcel', data })).toEqual([
        { type: 'ParcelRegistered', data },
      ]);
    });

    it('refuses a parcel registered already', () => {
      expect(
        given(parcelDecider, registered).when({ type: 'RegisterParcel', data: registration }),
      ).toMatchObject({ code: 'PARCEL.ALREADY_EXISTS', kind: 'conflict' });
    });

    it.each([
      ['a zero area', { areaM2: 0 }, 'PARCEL.INVALID_AREA'],
      ['a negative street width', { streetWidthM: -1 }, 'PARCEL.INVALID_STREET_WIDTH'],
      ['a street 600 m wide', { streetWidthM: 600 }, 'PARCEL.INVALID_STREET_WIDTH'],
      ['a zone with spaces', { zone: 'R 2' }, 'PARCEL.INVALID_ZONE'],
      ['an upper-case land use', { landUse: 'Residential' }, 'PARCEL.INVALID_LAND_USE'],
      ['a building of no floors', { existingBuilding: { floors: 0, areaM2: 10 } }, 'PARCEL.INVALID_BUILDING'],
      [
        'a building of 1.5 floors',
        { existingBuilding: { floors: 1.5, areaM2: 10 } },
        'PARCEL.INVALID_BUILDING',
      ],
      ['a building of no area', { existingBuilding: { floors: 1, areaM2: 0 } }, 'PARCEL.INVALID_BUILDING'],
      ['no owners', { owners: [] }, 'PARCEL.NO_OWNERS'],
    ])('refuses %s', (_why, change, code) => {
      const data = { ...registration, ...change };
      expect(given(parcelDecider).when({ type: 'RegisterParcel', data })).toMatchObject({
        code,
        kind: 'invalid',
      });
    });
  });

  describe('ownersProblem', () => {
    const ali: ParcelOwner = { nationalId: '3860123459', name: 'علی رضایی', sharePct: 50 };
    it('accepts shares adding up to exactly 100, in hundredths', () => {
      expect(ownersProblem([zahra])).toBeUndefined();
      expect(
        ownersProblem([
          { ...zahra, sharePct: 33.34 },
          { ...ali, sharePct: 33.33 },
          { nationalId: '3864712092', name: 'محمد جعفری', sharePct: 33.33 },
        ]),
      ).toBeUndefined();
    });

    it.each([
      ['no owners', [], 'PARCEL.NO_OWNERS'],
      ['an invalid national id', [{ ...zahra, nationalId: '0013542418' }], 'PARCEL.INVALID_OWNER'],
      [
        'an owner twice',
        [
          { ...zahra, sharePct: 50 },
          { ...zahra, sharePct: 50 },
        ],
        'PARCEL.DUPLICATE_OWNER',
      ],
      ['a blank name', [{ ...zahra, name: '  ' }], 'PARCEL.INVALID_OWNER'],
      [
        'a zero share',
        [
          { ...zahra, sharePct: 0 },
          { ...ali, sharePct: 100 },
        ],
        'PARCEL.INVALID_OWNER',
      ],
      ['shares of 90', [{ ...zahra, sharePct: 40 }, ali], 'PARCEL.SHARES_NOT_100'],
      ['shares of 100.01', [{ ...zahra, sharePct: 50.01 }, ali], 'PARCEL.SHARES_NOT_100'],
    ] as const)('refuses %s', (_why, owners, code) => {
      expect(ownersProblem(owners)).toMatchObject({ code, kind: 'invalid' });
    });
  });

  describe('CorrectParcelDetails', () => {
    it('corrects some details, with the reason', () => {
      const data = { ...key, changes: { areaM2: 262.5, existingBuilding: null }, reason: 'survey of 1405' };
      expect(given(parcelDecider, registered).when({ type: 'CorrectParcelDetails', data })).toEqual([
        { type: 'ParcelDetailsCorrected', data },
      ]);
    });

    it('refuses an empty correction', () => {
      const data = { ...key, changes: {}, reason: 'nothing' };
      expect(given(parcelDecider, registered).when({ type: 'CorrectParcelDetails', data })).toMatchObject({
        code: 'PARCEL.NO_CHANGES',
        kind: 'invalid',
      });
    });

    it('refuses invalid corrected values', () => {
      const data = { ...key, changes: { zone: 'R2!' }, reason: 'typo' };
      expect(given(parcelDecider, registered).when({ type: 'CorrectParcelDetails', data })).toMatchObject({
        code: 'PARCEL.INVALID_ZONE',
      });
    });

    it('refuses an unknown parcel', () => {
      const data = { ...key, changes: { areaM2: 1 }, reason: 'typo' };
      expect(given(parcelDecider).when({ type: 'CorrectParcelDetails', data })).toMatchObject({
        code: 'PARCEL.NOT_FOUND',
        kind: 'not_found',
      });
    });
  });

  describe('ChangeOwnership', () => {
    const owners = [
      { ...zahra, sharePct: 60 },
      { nationalId: '3860123459', name: 'علی رضایی', sharePct: 40 },
    ];

    it('records the new owners', () => {
      const data = { ...key, owners, reason: 'deed 4512 of notary office 12' };
      expect(given(parcelDecider, registered).when({ type: 'ChangeOwnership', data })).toEqual([
        { type: 'ParcelOwnershipChanged', data },
      ]);
    });

    it('refuses owners whose shares do not add up', () => {
      const data = { ...key, owners: [{ ...zahra, sharePct: 60 }], reason: 'deed' };
      expect(given(parcelDecider, registered).when({ type: 'ChangeOwnership', data })).toMatchObject({
        code: 'PARCEL.SHARES_NOT_100',
      });
    });

    it('refuses an unknown parcel', () => {
      expect(
        given(parcelDecider).when({ type: 'ChangeOwnership', data: { ...key, owners, reason: 'deed' } }),
      ).toMatchObject({ code: 'PARCEL.NOT_FOUND' });
    });
  });

  describe('BillRenewalDues', () => {
    it('bills a year', () => {
      expect(
        given(parcelDecider, registered).when({ type: 'BillRenewalDues', data: billed1405.data }),
      ).toEqual([billed1405]);
    });

    it('bills each year once', () => {
      expect(
        given(parcelDecider, registered, billed1405).when({ type: 'BillRenewalDues', data: billed1405.data }),
      ).toMatchObject({ code: 'DUES.ALREADY_BILLED', kind: 'conflict' });
      const next = { ...key, year: 1406, amount: 650_000 };
      expect(
        given(parcelDecider, registered, billed1405).when({ type: 'BillRenewalDues', data: next }),
      ).toEqual([{ type: 'RenewalDuesBilled', data: next }]);
    });

    it.each([
      ['a Gregorian year', { year: 2026, amount: 1 }, 'DUES.INVALID_YEAR'],
      ['a fractional year', { year: 1404.5, amount: 1 }, 'DUES.INVALID_YEAR'],
      ['a zero amount', { year: 1405, amount: 0 }, 'DUES.INVALID_AMOUNT'],
      ['a fractional amount', { year: 1405, amount: 10.5 }, 'DUES.INVALID_AMOUNT'],
    ])('refuses %s', (_why, bill, code) => {
      expect(
        given(parcelDecider, registered).when({ type: 'BillRenewalDues', data: { ...key, ...bill } }),
      ).toMatchObject({ code, kind: 'invalid' });
    });

    it('refuses an unknown parcel', () => {
      expect(given(parcelDecider).when({ type: 'BillRenewalDues', data: billed1405.data })).toMatchObject({
        code: 'PARCEL.NOT_FOUND',
      });
    });
  });

  describe('PayRenewalDues', () => {
    it('records a payment, in full or in part', () => {
      expect(given(parcelDecider, registered, billed1405).when(pay(600_000, 'R-1'))).toEqual([
        paid(600_000, 'R-1'),
      ]);
      expect(
        given(parcelDecider, registered, billed1405, paid(100_000, 'R-1')).when(pay(500_000, 'R-2')),
      ).toEqual([paid(500_000, 'R-2')]);
    });

    it('takes a repeated reference for the same payment: nothing new', () => {
      expect(
        given(parcelDecider, registered, billed1405, paid(100_000, 'R-1')).when(pay(100_000, 'R-1')),
      ).toEqual([]);
      // Even once the year is paid in full, a retry of the last payment is not an overpayment.
      expect(
        given(parcelDecider, registered, billed1405, paid(600_000, 'R-1')).when(pay(600_000, 'R-1')),
      ).toEqual([]);
    });

    it('refuses a reference that already paid another year', () => {
      const billed1404: ParcelEvent = {
        type: 'RenewalDuesBilled',
        data: { ...key, year: 1404, amount: 500_000 },
      };
      expect(
        given(parcelDecider, registered, billed1404, billed1405, paid(500_000, 'R-1', 1404)).when(
          pay(100_000, 'R-1'),
        ),
      ).toMatchObject({ code: 'DUES.REFERENCE_USED', kind: 'conflict', details: { year: 1404 } });
    });

    it('refuses more than is outstanding', () => {
      const refusal = given(parcelDecider, registered, billed1405, paid(500_000, 'R-1')).when(
        pay(100_001, 'R-2'),
      );
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({
        code: 'DUES.OVERPAYMENT',
        kind: 'conflict',
        details: { outstanding: 100_000 },
      });
    });

    it('refuses a payment of a year not billed', () => {
      expect(given(parcelDecider, registered, billed1405).when(pay(1, 'R-1', 1404))).toMatchObject({
        code: 'DUES.NOT_BILLED',
        kind: 'not_found',
      });
    });

    it.each([0, -5, 1.5])('refuses an amount of %p', (amount) => {
      expect(given(parcelDecider, registered, billed1405).when(pay(amount, 'R-9'))).toMatchObject({
        code: 'DUES.INVALID_AMOUNT',
      });
    });

    it('refuses an unknown parcel', () => {
      expect(given(parcelDecider).when(pay(1, 'R-1'))).toMatchObject({ code: 'PARCEL.NOT_FOUND' });
    });
  });

  it('folds the dues of every year', () => {
    const state = [registered, billed1405, paid(100_000, 'R-1'), paid(200_000, 'R-2')].reduce(
      parcelDecider.evolve,
      parcelDecider.initialState(),
    );
    expect(state).toEqual({
      status: 'registered',
      key,
      dues: { 1405: { billed: 600_000, paid: 300_000, references: ['R-1', 'R-2'] } },
    });
  });
});
