import { callTree, shortFile, stacksIn, type CpuProfile, type Frame } from './cpu-profile.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

/** (root) → a → b, and (root) → (idle); four samples, at 1010, 1030, 1035 and 1042 µs. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4] },
    { id: 2, callFrame: frame('a', 'file:///app/dist/src/a.js', 4), children: [3] },
    { id: 3, callFrame: frame('', 'file:///app/node_modules/rxjs/dist/b.js', 9) },
    { id: 4, callFrame: frame('(idle)') },
  ],
  startTime: 1000,
  endTime: 1050,
  samples: [3, 3, 4, 2],
  timeDeltas: [10, 20, 5, 7],
};

const a: Frame = { name: 'a', file: 'src/a.js', line: 5 };
const b: Frame = { name: '(anonymous)', file: 'rxjs/dist/b.js', line: 10 };
const idle: Frame = { name: '(idle)', file: '', line: 0 };

describe('reading a V8 CPU profile', () => {
  it('names files by their package or by their place in the build output', () => {
    expect(shortFile('file:///app/node_modules/a/node_modules/@n/c/x.js', '/app/dist')).toBe('@n/c/x.js');
    expect(shortFile('file:///app/dist/src/main.js', '/app/dist')).toBe('src/main.js');
    expect(shortFile('node:internal/streams/writable', '/app/dist')).toBe('node:internal/streams/writable');
  });

  it('keeps only the samples inside the window, each standing for the time until the next one', () => {
    // The window holds the second sample (on b) and the third (idle), not the fourth at its end.
    expect(stacksIn(profile, { fromUs: 1015, toUs: 1042 }, '/app/dist')).toEqual([
      { frames: [a, b], us: 5 },
      { frames: [idle], us: 7 },
    ]);
  });

  it('gives the last sample the mean interval, having no next one', () => {
    expect(stacksIn(profile, { fromUs: 1042, toUs: 2000 }, '/app/dist')).toEqual([{ frames: [a], us: 12.5 }]);
  });

  it('merges stacks into one tree by frame, with time in and under each frame', () => {
    const tree = callTree([
      { frames: [a, b], us: 10 },
      { frames: [a, b], us: 5 },
      { frames: [a], us: 3 },
      { frames: [idle], us: 2 },
    ]);
    expect(tree.total).toBe(20);
    const nodeA = tree.children.get('a src/a.js:5')!;
    expect([nodeA.total, nodeA.self]).toEqual([18, 3]);
    const nodeB = nodeA.children.get('(anonymous) rxjs/dist/b.js:10')!;
    expect([nodeB.total, nodeB.self, nodeB.children.size]).toEqual([15, 15, 0]);
    expect(tree.children.get('(idle)')!.self).toBe(2);
  });
});
