import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import { demoRuleSet } from '../../rule-sets/demo-rule-set.js';
import { maskName, maskNationalId } from '../../shared/masking.js';
import { parcelLookup } from './parcel-lookup.js';

const parcel: ParcelView = {
  id: 'hamedan:1-1-1-2-0-0-0',
  municipality: 'hamedan',
  renewalCode: '1-1-1-2-0-0-0',
  region: '1',
  areaM2: 200,
  streetWidthM: 12,
  zone: 'R2',
  landUse: 'residential',
  existingBuilding: null,
  owners: [{ nationalId: '0013542419', name: 'زهرا احمدی', sharePct: 100 }],
  dues: [{ year: 1405, billed: 500_000, paid: 0 }],
  outstandingDues: 500_000,
  registeredAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  position: '7',
};
const debts = {
  renewalDues: [{ year: 1405, billed: 500_000, paid: 0, outstanding: 500_000 }],
  total: 500_000,
  owesAnything: true,
};

describe('parcelLookup', () => {
  it('masks owners and hides amounts from the public', () => {
    const view = parcelLookup(parcel, 'none', demoRuleSet, debts);
    expect(view.owners).toEqual([{ name: 'ز*** ا***', nationalId: '********19', sharePct: 100 }]);
    expect(view.debts).toEqual({ owesAnything: true });
    expect(view.view).toBe('public');
    expect(JSON.stringify(view)).not.toContain('0013542419');
    expect(JSON.stringify(view)).not.toContain('احمدی');
  });

  it('shows owners and amounts to the owner and to staff', () => {
    for (const access of ['owner', 'staff'] as const) {
      const view = parcelLookup(parcel, access, demoRuleSet, debts);
      expect(view.owners[0]).toEqual({ nationalId: '0013542419', name: 'زهرا احمدی', sharePct: 100 });
      expect(view.debts).toEqual(debts);
      expect(view.view).toBe(access);
    }
  });

  it('gives the limits of the rule set in force, with its version, or null without one', () => {
    const view = parcelLookup(parcel, 'none', demoRuleSet, debts);
    expect(view.limits).toMatchObject({
      zone: 'R2',
      ruleSetVersion: demoRuleSet.version,
      effectiveFrom: demoRuleSet.effectiveFrom,
    });
    expect(view.limits!.maxBuildableAreaM2).toBe((200 * demoRuleSet.zones['R2']!.maxDensityPct) / 100);
    expect(parcelLookup(parcel, 'none', undefined, debts).limits).toBeNull();
  });

  it('masks names of any script and ids of any length', () => {
    expect(maskName('  Ali   Rezaei ')).toBe('A*** R***');
    expect(maskNationalId('0499370899')).toBe('********99');
  });
});
