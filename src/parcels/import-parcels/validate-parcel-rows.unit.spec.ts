import type { ParcelCsvColumn, ParcelCsvRow } from './parse-parcels-csv.js';
import { validateParcelRows, type ImportContext } from './validate-parcel-rows.js';

const context: ImportContext = {
  municipalities: new Set(['hamedan', 'tehran']),
  registered: new Set(['hamedan:1-1-1-1-0-0-0']),
};

const good: Record<ParcelCsvColumn, string> = {
  municipality: 'hamedan',
  renewalCode: '1-1-2-1-0-0-0',
  areaM2: '250.5',
  streetWidthM: '12',
  zone: 'R2',
  landUse: 'residential',
  owners: '0013542419:زهرا احمدی:50|3860123459:علی رضایی:50',
  existingFloors: '2',
  existingAreaM2: '300',
};
const row = (line: number, changes: Partial<Record<ParcelCsvColumn, string>> = {}): ParcelCsvRow => ({
  line,
  values: { ...good, ...changes },
});

describe('validateParcelRows', () => {
  it('turns good rows into registrations, in file order', () => {
    const { parcels, problems } = validateParcelRows(
      [
        row(2),
        row(3, {
          municipality: 'tehran',
          renewalCode: '۰۱-1-2-1-0-0-0',
          owners: '۰۰۱۳۵۴۲۴۱۹ : Zahra: Ahmadi :100',
          existingFloors: '',
          existingAreaM2: '',
        }),
      ],
      context,
    );
    expect(problems).toEqual([]);
    expect(parcels).toEqual([
      {
        municipality: 'hamedan',
        renewalCode: '1-1-2-1-0-0-0',
        areaM2: 250.5,
        streetWidthM: 12,
        zone: 'R2',
        landUse: 'residential',
        owners: [
          { nationalId: '0013542419', name: 'زهرا احمدی', sharePct: 50 },
          { nationalId: '3860123459', name: 'علی رضایی', sharePct: 50 },
        ],
        existingBuilding: { floors: 2, areaM2: 300 },
      },
      expect.objectContaining({
        municipality: 'tehran',
        renewalCode: '1-1-2-1-0-0-0',
        owners: [{ nationalId: '0013542419', name: 'Zahra: Ahmadi', sharePct: 100 }],
        existingBuilding: null,
      }),
    ]);
  });

  it.each([
    [
      'a malformed renewal code',
      { renewalCode: '1-1-2' },
      /renewalCode "1-1-2".*seven non-negative integers/,
    ],
    ['an area that is not a number', { areaM2: '250m2' }, /areaM2 "250m2" is not a number/],
    ['an area with three decimals', { areaM2: '250.555' }, /areaM2/],
    ['a negative street width', { streetWidthM: '-3' }, /streetWidthM "-3"/],
    ['a zero area', { areaM2: '0' }, /PARCEL\.INVALID_AREA/],
    ['a zone the decider refuses', { zone: 'R 2' }, /PARCEL\.INVALID_ZONE/],
    [
      'an owner entry without a share',
      { owners: '0013542419:زهرا احمدی' },
      /owners: "0013542419:زهرا احمدی" is not/,
    ],
    ['an invalid national id', { owners: '0013542418:زهرا احمدی:100' }, /PARCEL\.INVALID_OWNER/],
    ['shares of 90', { owners: '0013542419:زهرا احمدی:90' }, /PARCEL\.SHARES_NOT_100/],
    ['an owner twice', { owners: '0013542419:a:50|0013542419:b:50' }, /PARCEL\.DUPLICATE_OWNER/],
    ['floors without an area', { existingAreaM2: '' }, /both given/],
    ['fractional floors', { existingFloors: '1.5' }, /existingFloors "1.5"/],
    ['an unknown municipality', { municipality: 'atlantis' }, /municipality "atlantis" is not registered/],
    ['a malformed municipality', { municipality: 'Hamedan!' }, /not a municipality code/],
    ['a parcel registered already', { renewalCode: '1-1-1-1-0-0-0' }, /already registered in hamedan/],
  ])('reports %s with its line', (_why, changes, message) => {
    const { parcels, problems } = validateParcelRows(
      [row(2, { renewalCode: '1-1-2-9-0-0-0' }), row(7, changes)],
      context,
    );
    expect(parcels).toEqual([]);
    expect(problems).toEqual([{ line: 7, message: expect.stringMatching(message) }]);
  });

  it('reports a parcel twice in the file, naming the first line, also when written differently', () => {
    const { problems } = validateParcelRows(
      [row(2), row(3, { renewalCode: '1-1-2-2-0-0-0' }), row(4, { renewalCode: '01-1-2-1-0-0-0' })],
      context,
    );
    expect(problems).toEqual([{ line: 4, message: 'parcel 1-1-2-1-0-0-0 is already on line 2' }]);
  });

  it('reports every problem of every row, and imports nothing', () => {
    const { parcels, problems } = validateParcelRows(
      [row(2), row(3, { renewalCode: 'x', areaM2: 'big' }), row(4), row(5, { municipality: 'atlantis' })],
      context,
    );
    expect(parcels).toEqual([]);
    expect(problems.map((p) => p.line)).toEqual([3, 3, 4, 5]);
  });
});
