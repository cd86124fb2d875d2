import type { Principal } from '../identity/principal.js';
import type { Grant } from '../identity/roles.js';
import { auditAreasOf, grantInAreas, narrowedAreas, placeInAreas } from './audit-scope.js';

const principal = (...grants: Grant[]): Principal => ({
  kind: 'user',
  id: 'user-1',
  displayName: 'Oversight',
  grants,
  authenticatedBy: 'password_token',
});

describe('what an oversight manager may audit', () => {
  it('is the municipalities of the oversight grants, nothing of other roles', () => {
    expect(
      auditAreasOf(
        principal(
          { role: 'oversight', municipality: 'qazvin' },
          { role: 'clerk', municipality: 'hamedan' },
          { role: 'oversight', municipality: 'abyek', regions: ['2'] },
        ),
      ),
    ).toEqual([{ municipality: 'abyek', regions: ['2'] }, { municipality: 'qazvin' }]);
  });

  it('merges grants of one city: a whole-city grant wins, regions add up', () => {
    expect(
      auditAreasOf(
        principal(
          { role: 'oversight', municipality: 'hamedan', regions: ['1'] },
          { role: 'oversight', municipality: 'hamedan', regions: ['2'] },
          { role: 'oversight', municipality: 'qazvin', regions: ['1'] },
          { role: 'oversight', municipality: 'qazvin' },
        ),
      ),
    ).toEqual([{ municipality: 'hamedan', regions: ['1', '2'] }, { municipality: 'qazvin' }]);
  });

  const areas = [{ municipality: 'abyek', regions: ['2'] }, { municipality: 'qazvin' }];

  it('narrows to an asked municipality or region inside the areas', () => {
    expect(narrowedAreas(areas, {})).toEqual(areas);
    expect(narrowedAreas(areas, { municipality: 'qazvin' })).toEqual([{ municipality: 'qazvin' }]);
    expect(narrowedAreas(areas, { region: '2' })).toEqual([
      { municipality: 'abyek', regions: ['2'] },
      { municipality: 'qazvin', regions: ['2'] },
    ]);
  });

  it.each([[{ municipality: 'hamedan' }], [{ municipality: 'abyek', region: '1' }]])(
    'refuses %j outside them with 403 AUDIT.OUT_OF_SCOPE',
    (asked) => {
      expect(() => narrowedAreas(areas, asked)).toThrow(
        expect.objectContaining({ code: 'AUDIT.OUT_OF_SCOPE', kind: 'forbidden' }),
      );
    },
  );
});

describe('where a user’s grant lies against an oversight manager’s areas', () => {
  const areas = [{ municipality: 'hamedan', regions: ['1', '2'] }, { municipality: 'malayer' }];
  it.each<[string, Grant, string]>([
    ['regions all inside', { role: 'clerk', municipality: 'hamedan', regions: ['1', '2'] }, 'within'],
    ['a whole city managed whole', { role: 'clerk', municipality: 'malayer' }, 'within'],
    ['the whole city of a regional manager', { role: 'clerk', municipality: 'hamedan' }, 'partly'],
    ['a region in, a region out', { role: 'clerk', municipality: 'hamedan', regions: ['2', '3'] }, 'partly'],
    ['another region only', { role: 'clerk', municipality: 'hamedan', regions: ['3'] }, 'outside'],
    ['another city', { role: 'clerk', municipality: 'qazvin' }, 'outside'],
    ['no city', { role: 'citizen' }, 'outside'],
  ])('%s', (_, grant, where) => {
    expect(grantInAreas(grant, areas)).toBe(where);
  });

  it('finds an entry’s place in the areas: a region of a regional area, anything of a whole one', () => {
    expect(placeInAreas({ municipality: 'hamedan', region: '2' }, areas)).toBe(true);
    expect(placeInAreas({ municipality: 'hamedan', region: '3' }, areas)).toBe(false);
    expect(placeInAreas({ municipality: 'hamedan', region: null }, areas)).toBe(false);
    expect(placeInAreas({ municipality: 'malayer', region: null }, areas)).toBe(true);
    expect(placeInAreas({ municipality: null, region: null }, areas)).toBe(false);
  });
});
