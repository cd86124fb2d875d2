import type { Frame, Stack } from './cpu-profile.js';
import { byArea, byInclusiveTime, bySelfTime, profileSummary } from './profile-summary.js';

const frame = (name: string, file: string): Frame => ({ name, file, line: 1 });
const walk = frame('walk', 'src/shared/tree.js');
const reply = frame('send', 'fastify/lib/reply.js');
const writev: Frame = { name: 'writev', file: '', line: 0 };
const stacks: Stack[] = [
  { frames: [walk, walk, walk], us: 3000 },
  { frames: [reply, writev], us: 6000 },
  { frames: [reply], us: 1000 },
];

describe('the summary beside a flame graph', () => {
  it('ranks functions by self time and by inclusive time, a recursive one counted once per stack', () => {
    expect(bySelfTime(stacks)).toEqual([
      ['writev', 6000],
      ['walk src/shared/tree.js:1', 3000],
      ['send fastify/lib/reply.js:1', 1000],
    ]);
    expect(byInclusiveTime(stacks)[0]).toEqual(['send fastify/lib/reply.js:1', 7000]);
    expect(byInclusiveTime(stacks)).toContainEqual(['walk src/shared/tree.js:1', 3000]);
  });

  it('adds time up by area', () => {
    expect(byArea(stacks)).toEqual([
      ['HTTP socket writes (writev)', 6000],
      ['Daftar: shared', 3000],
      ['fastify', 1000],
    ]);
  });

  it('shows each area as a share of the measured window', () => {
    const markdown = profileSummary(
      {
        figure: 'http.parcel.lookup',
        command: 'npm run bench:profile',
        connections: 50,
        seconds: 8,
        warmupSeconds: 1,
        requestsPerSecond: 8300,
        latencyP99Ms: 16,
        errors: 0,
      },
      stacks,
    );
    expect(markdown).toContain('8,300 requests/s, p99 16 ms');
    expect(markdown).toContain('| `HTTP socket writes (writev)` | 60.0% | 6 |');
    expect(markdown).toContain('| `fastify` | 10.0% | 1 |');
  });
});
