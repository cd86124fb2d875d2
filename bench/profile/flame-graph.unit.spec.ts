import { callTree, type Frame } from './cpu-profile.js';
import { colour, fitted, flameGraph, layout } from './flame-graph.js';

const frame = (name: string, file: string): Frame => ({ name, file, line: 1 });
const handler = frame('handle', 'src/permits/open-permit/open-permit.handler.js');
const send = frame('send', 'fastify/lib/reply.js');
const append = frame('append<T>', 'better-sqlite3/lib/x.js');

describe('a flame graph', () => {
  const tree = callTree([
    { frames: [handler, append], us: 6000 },
    { frames: [handler], us: 1000 },
    { frames: [send], us: 3000 },
    { frames: [frame('tiny', 'src/x.js')], us: 1 },
  ]);

  it('lays frames out as wide as their share of the window, callees above callers, larger first', () => {
    const boxes = layout(tree, 1000);
    const at = (label: string) => boxes.find((box) => box.label.startsWith(label))!;
    expect(at('all')).toMatchObject({ depth: 0, x: 0, share: 1 });
    expect(at('handle')).toMatchObject({ depth: 1, x: 0, area: 'Daftar: permits' });
    expect(at('handle').width).toBeCloseTo(700, 0);
    expect(at('send')).toMatchObject({ depth: 1, area: 'fastify' });
    expect(at('send').x).toBeCloseTo(700, 0);
    expect(at('append<T>')).toMatchObject({ depth: 2, x: 0, area: 'SQLite' });
    expect(at('append<T>').share).toBeCloseTo(0.6, 3);
    // 0.1 px wide: not drawn.
    expect(boxes.some((box) => box.label.startsWith('tiny'))).toBe(false);
  });

  it('cuts labels to the width of their frame', () => {
    expect(fitted('handle src/a.js:1', 1000)).toBe('handle src/a.js:1');
    expect(fitted('handle src/a.js:1', 60)).toBe('handle..');
    expect(fitted('handle src/a.js:1', 20)).toBe('');
  });

  it('draws a self-contained SVG with each frame, its share in a tooltip, coloured by area', () => {
    const svg = flameGraph(tree, 'http.parcel.lookup');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toMatch(/<script|href=/);
    expect(svg).toContain(
      '<title>append&#60;T&#62; better-sqlite3/lib/x.js:1 — 60.0% (6 ms), SQLite</title>',
    );
    expect(svg).toContain(`fill="${colour('SQLite')}"`);
    expect(svg.match(/<g>/g)).toHaveLength(layout(tree).length);
    expect(colour('SQLite: subscriber audit-log')).toBe(colour('SQLite'));
  });
});
