import { given } from '../../../test/support/given.js';
import { municipalityDecider } from './municipality.decider.js';
import type { MunicipalityEvent } from './municipality.events.js';

const hamedan = {
  code: 'hamedan',
  name: 'Hamedan',
  nameFa: 'همدان',
  regions: [{ code: '1', name: 'منطقه ۱' }],
};
const registered: MunicipalityEvent = { type: 'MunicipalityRegistered', data: hamedan };
const region2 = { code: '2', name: 'منطقه ۲' };

describe('municipality decider', () => {
  it('registers a new municipality with its regions', () => {
    expect(given(municipalityDecider).when({ type: 'RegisterMunicipality', data: hamedan })).toEqual([
      registered,
    ]);
  });

  it('refuses to register a municipality twice', () => {
    expect(
      given(municipalityDecider, registered).when({ type: 'RegisterMunicipality', data: hamedan }),
    ).toMatchObject({
      code: 'MUNICIPALITY.ALREADY_EXISTS',
      kind: 'conflict',
    });
  });

  it('refuses a region listed twice', () => {
    const data = { ...hamedan, regions: [region2, region2] };
    expect(given(municipalityDecider).when({ type: 'RegisterMunicipality', data })).toMatchObject({
      code: 'MUNICIPALITY.DUPLICATE_REGION',
      kind: 'invalid',
    });
  });

  it('adds a region', () => {
    const data = { code: 'hamedan', region: region2 };
    expect(given(municipalityDecider, registered).when({ type: 'AddRegion', data })).toEqual([
      { type: 'RegionAdded', data },
    ]);
  });

  it('refuses a region it already has, whether registered with it or added later', () => {
    const added: MunicipalityEvent = { type: 'RegionAdded', data: { code: 'hamedan', region: region2 } };
    for (const region of [hamedan.regions[0]!, region2]) {
      expect(
        given(municipalityDecider, registered, added).when({
          type: 'AddRegion',
          data: { code: 'hamedan', region },
        }),
      ).toMatchObject({ code: 'MUNICIPALITY.REGION_EXISTS' });
    }
  });

  it('refuses a region of an unknown municipality', () => {
    expect(
      given(municipalityDecider).when({ type: 'AddRegion', data: { code: 'atlantis', region: region2 } }),
    ).toMatchObject({ code: 'MUNICIPALITY.NOT_FOUND', kind: 'not_found' });
  });
});
