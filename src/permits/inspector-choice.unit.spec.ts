import { chooseInspector, type InspectorCandidate } from './inspector-choice.js';

const inspector = (userId: string, regions?: string[], municipality = 'hamedan'): InspectorCandidate => ({
  userId,
  disabled: false,
  grants: [{ role: 'inspector', municipality, ...(regions ? { regions } : {}) }],
});

describe('chooseInspector', () => {
  const loads: Record<string, number> = { a: 2, b: 1, c: 1, d: 0 };
  const load = (id: string) => loads[id] ?? 0;

  it('chooses the least-loaded inspector, ties to the lowest id', () => {
    expect(chooseInspector([inspector('a'), inspector('c'), inspector('b')], 'hamedan', '1', load)).toBe('b');
  });

  it('keeps to the file’s municipality and region, and to active inspectors', () => {
    const candidates = [
      inspector('d', ['2']),
      inspector('e', undefined, 'qazvin'),
      { ...inspector('f'), disabled: true },
      { userId: 'g', disabled: false, grants: [{ role: 'surveyor', municipality: 'hamedan' }] },
      inspector('a', ['1']),
    ] as const;
    expect(chooseInspector(candidates, 'hamedan', '1', load)).toBe('a');
    expect(chooseInspector(candidates, 'hamedan', '2', load)).toBe('d');
  });

  it('chooses nobody when the region has no inspector', () => {
    expect(chooseInspector([inspector('d', ['2'])], 'hamedan', '3', load)).toBeUndefined();
  });
});
