import { calculateFees } from '../fees/calculate-fees.js';
import { isValidIranianNationalId } from '../identity/national-id.js';
import { provinceDemoMunicipalities } from '../identity/demo/province-demo-data.js';
import { demoRuleSets } from '../rule-sets/province-demo-rule-sets.js';
import { zoningLimits } from '../rule-sets/zoning-limits.js';
import { toScaled } from '../shared/scaled-decimal.js';
import { demoUsers } from '../identity/demo/demo-data.js';
import { demoOwners, demoParcels } from './demo-parcels.js';
import { demoParcelSets } from './province-demo-parcels.js';
import { municipalRegionOf, parseRenewalCode } from './renewal-code.js';

const DEMO_CITIZEN = '0013542419';
const byCode = new Map(demoParcels.map((p) => [p.renewalCode, p]));

describe('demoParcels', () => {
  it('holds about fifty parcels with unique codes', () => {
    expect(demoParcels.length).toBeGreaterThanOrEqual(45);
    expect(byCode.size).toBe(demoParcels.length);
  });

  it('are in Hamedan, and a handful in each city of Qazvin province', () => {
    expect(demoParcelSets.map((set) => set.municipality)).toEqual([
      'hamedan',
      ...provinceDemoMunicipalities.map((m) => m.code),
    ]);
    expect(demoParcelSets[0]!.parcels).toBe(demoParcels);
    for (const { parcels } of demoParcelSets.slice(1)) expect(parcels.length).toBeGreaterThanOrEqual(4);
  });

  it('keeps renewal codes unique across cities, so that a code alone still names one parcel', () => {
    const codes = demoParcelSets.flatMap((set) => set.parcels.map((p) => p.renewalCode));
    expect(new Set(codes).size).toBe(codes.length);
  });

  const cases = demoParcelSets.flatMap(({ municipality, parcels }) =>
    parcels.map((p) => [`${municipality} ${p.renewalCode}`, municipality, p] as const),
  );
  describe.each(cases)('%s', (_, municipality, parcel) => {
    const code = parcel.renewalCode;
    const demoRuleSet = demoRuleSets.find((r) => r.municipality === municipality)!.ruleSet;

    it('has a valid code in canonical form, in a region of its city with a price', () => {
      const parsed = parseRenewalCode(code);
      expect(parsed.text).toBe(code);
      expect(Object.hasOwn(demoRuleSet.tariffs.regionalPrices, municipalRegionOf(parsed))).toBe(true);
      const city = provinceDemoMunicipalities.find((m) => m.code === municipality);
      if (city) expect(city.regions.map((r) => r.code)).toContain(municipalRegionOf(parsed));
    });

    it('lies in a known zone with a land use the zone allows', () => {
      expect(Object.hasOwn(demoRuleSet.zones, parcel.zone)).toBe(true);
      expect(demoRuleSet.zones[parcel.zone]!.allowedUses).toContain(parcel.landUse);
    });

    it('has plausible measurements', () => {
      expect(toScaled(parcel.areaM2, 2)).toBeGreaterThan(0n);
      expect(parcel.streetWidthM).toBeGreaterThan(0);
      if (parcel.existingBuilding) {
        expect(Number.isInteger(parcel.existingBuilding.floors)).toBe(true);
        expect(parcel.existingBuilding.floors).toBeGreaterThanOrEqual(1);
        expect(toScaled(parcel.existingBuilding.areaM2, 2)).toBeGreaterThan(0n);
      }
      for (const year of parcel.unpaidDuesYears) expect(year).toBeGreaterThanOrEqual(1390);
    });

    it('has distinct owners with valid national ids and names, whose shares add up to 100', () => {
      expect(parcel.owners.length).toBeGreaterThanOrEqual(1);
      for (const owner of parcel.owners) {
        expect(isValidIranianNationalId(owner.nationalId)).toBe(true);
        expect(owner.name).not.toBe('');
        expect(owner.sharePct).toBeGreaterThan(0);
      }
      expect(new Set(parcel.owners.map((o) => o.nationalId)).size).toBe(parcel.owners.length);
      const hundredths = parcel.owners.reduce((sum, o) => sum + toScaled(o.sharePct, 2)!, 0n);
      expect(hundredths).toBe(10_000n);
    });

    it('has zoning limits and a fee estimate', () => {
      const region = municipalRegionOf(parseRenewalCode(code));
      expect(zoningLimits(parcel, demoRuleSet).ruleSetVersion).toBe(1);
      const estimate = calculateFees({
        parcel: { ...parcel, region },
        application: {
          type: 'NewConstruction',
          use: parcel.landUse,
          floors: 2,
          floorAreaM2: parcel.areaM2,
          units: 2,
        },
        ruleSet: demoRuleSet,
      });
      expect(estimate.total).toBeGreaterThan(0);
    });
  });

  it('gives the demo citizen a few parcels, 1-1-1-1-0-0-0 among them', () => {
    const owned = demoParcels.filter((p) => p.owners.some((o) => o.nationalId === DEMO_CITIZEN));
    expect(owned.length).toBeGreaterThanOrEqual(3);
    expect(byCode.get('1-1-1-1-0-0-0')!.owners).toEqual([
      { nationalId: DEMO_CITIZEN, name: 'زهرا احمدی', sharePct: 100 },
    ]);
  });

  it('has 1-1-1-1-0-0-0 owing nothing and 1-1-1-2-0-0-0 owing this year’s renewal dues', () => {
    expect(byCode.get('1-1-1-1-0-0-0')!.unpaidDuesYears).toEqual([]);
    expect(byCode.get('1-1-1-2-0-0-0')!.unpaidDuesYears).toEqual([1405]);
  });
});

describe('demoOwners', () => {
  it('gives every demo owner a distinct valid mobile, the demo citizen the demo user’s', () => {
    const citizen = demoUsers.find((u) => u.username === 'citizen')!;
    expect(demoOwners.find((o) => o.nationalId === citizen.nationalId)?.mobile).toBe(citizen.mobile);
    expect(new Set(demoOwners.map((o) => o.mobile)).size).toBe(demoOwners.length);
    for (const o of demoOwners) expect(o.mobile).toMatch(/^09\d{9}$/);
  });
});
