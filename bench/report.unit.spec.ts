import {
  BEGIN_MARKER,
  END_MARKER,
  mergeReport,
  renderReport,
  replaceGenerated,
  scoreAgainstFloor,
  type BenchReport,
  type MachineDescription,
} from './report.js';

const machine: MachineDescription = {
  cpu: 'Test CPU',
  cores: 2,
  memoryGiB: 3.8,
  node: 'v20.19.0',
  os: 'Linux 6.1 x64',
  dataDir: '/tmp: tmpfs (tmpfs) mounted at /tmp',
  loadAverage: [1, 2, 3],
  date: '2026-12-03T20:00:00.000Z',
};

const lookup = {
  name: 'http.parcel.lookup',
  value: 8300,
  unit: 'requests/s',
  latencyP50Ms: 5,
  latencyP99Ms: 16,
  floor: { what: 'bare node:http', value: 38000, unit: 'requests/s', latencyP99Ms: 4 },
};

describe('the bench report', () => {
  it('scores a throughput as figure ÷ floor and a latency as floor ÷ figure', () => {
    expect(scoreAgainstFloor(lookup, 0.5)).toMatchObject({ ratio: 0.218, goal: 0.5, met: false });
    const signing = {
      name: 'sign.document',
      value: 0.5,
      unit: 'ms',
      floor: { what: 'raw', value: 0.4, unit: 'ms' },
    };
    expect(scoreAgainstFloor(signing, undefined)).toMatchObject({ ratio: 0.8, goal: null, met: null });
    expect(scoreAgainstFloor({ name: 'x', value: 1, unit: 'ms' }, 0.5)).not.toHaveProperty('ratio');
  });

  it('replaces only the figures a filtered run measured, in the figures’ order', () => {
    const previous: BenchReport = {
      machine,
      figures: [
        { name: 'a', value: 1, unit: 'u', measuredAt: 'old' },
        { name: 'b', value: 2, unit: 'u', measuredAt: 'old' },
      ],
    };
    const run: BenchReport = { machine, figures: [{ name: 'b', value: 3, unit: 'u', measuredAt: 'new' }] };
    expect(mergeReport(previous, run, ['b', 'a']).figures.map((f) => [f.name, f.measuredAt])).toEqual([
      ['b', 'new'],
      ['a', 'old'],
    ]);
    const elsewhere = { ...previous, machine: { ...machine, cores: 8 } };
    expect(mergeReport(elsewhere, run, ['a', 'b']).figures.map((f) => f.name)).toEqual(['b']);
  });

  it('renders the machine, a padded table of figures beside floors, and what is not met yet', () => {
    const text = renderReport({
      machine,
      figures: [{ ...scoreAgainstFloor(lookup, 0.5), measuredAt: machine.date }],
    });
    expect(text).toContain('- machine: Test CPU, 2 cores, 3.8 GiB of memory');
    expect(text).toContain(
      '| `http.parcel.lookup` | 8,300 requests/s, p50 5 ms, p99 16 ms | bare node:http: 38,000 requests/s, p99 4 ms | 0.22  | ≥ 0.5 | **not met yet** | 2026-12-03 |',
    );
    expect(text).toContain('- `http.parcel.lookup`: 0.22 of its floor, goal 0.5');
    expect(text).toContain('[What is not met, and why](#what-is-not-met-and-why)');
    const lines = text.split('\n').filter((line) => line.startsWith('|'));
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  });

  it('renders a figure beside its peer with the ratio, and says what went wrong on the peer', () => {
    const append = {
      name: 'append.sqlite.c50',
      value: 11000,
      unit: 'events/s',
      measuredAt: machine.date,
      peer: { what: 'Emmett 0.38.5', value: 0, unit: 'events/s', problems: ['51 of 100 appends failed'] },
    };
    const single = {
      ...append,
      name: 'append.sqlite.c1',
      peer: { what: 'Emmett 0.38.5', value: 67, unit: 'events/s', latencyP50Ms: 11.9, ratio: 22.91 },
    };
    const text = renderReport({ machine, figures: [single, append] });
    expect(text).toContain(
      '- `append.sqlite.c1` beside Emmett 0.38.5: 67 events/s, p50 11.9 ms; ratio 22.91\n',
    );
    expect(text).toContain(
      '- `append.sqlite.c50` beside Emmett 0.38.5: 0 events/s; no ratio: the peer finished no work\n  - 51 of 100 appends failed\n',
    );
    expect(renderReport({ machine, figures: [{ ...lookup, measuredAt: machine.date }] })).not.toContain(
      'beside',
    );
  });

  it('writes its part between the markers, keeping the prose around them', () => {
    const document = `# Benchmarks\n\nprose\n\n${BEGIN_MARKER}\nold\n${END_MARKER}\n\nhistory\n`;
    expect(replaceGenerated(document, 'new')).toBe(
      `# Benchmarks\n\nprose\n\n${BEGIN_MARKER}\n\nnew\n\n${END_MARKER}\n\nhistory\n`,
    );
    expect(replaceGenerated('# B\n', 'new')).toBe(`# B\n\n${BEGIN_MARKER}\n\nnew\n\n${END_MARKER}\n`);
  });
});
