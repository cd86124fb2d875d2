import type { Principal } from '../identity/principal.js';
import type { Grant } from '../identity/roles.js';
import { auditAreasOf, narrowedAreas } from './audit-scope.js';

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
