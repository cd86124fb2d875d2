import { frameArea } from './areas.js';
import { frameLabel, type CallTree } from './cpu-profile.js';

/** One frame of a flame graph: its depth (0 for the whole window) and its place on the time axis. */
export interface Box {
  readonly label: string;
  readonly area: string;
  readonly depth: number;
  readonly x: number;
  readonly width: number;
  /** Share of the window, 0–1. */
  readonly share: number;
  readonly us: number;
}

const WIDTH = 1200;
const ROW = 16;
const HEAD = 64;
const CHAR = 6.6;
/** Frames narrower than this are not drawn, nor what they called: too thin to see or point at. */
const MIN_WIDTH = 0.3;

/**
 * Lays a call tree out left to right, each frame as wide as its share of the window, callers below
 * their callees; the larger of siblings first.
 */
export function layout(tree: CallTree, width: number = WIDTH): Box[] {
  const boxes: Box[] = [];
  const scale = tree.total > 0 ? width / tree.total : 0;
  const visit = (node: CallTree, depth: number, x: number) => {
    const label = node.frame ? frameLabel(node.frame) : 'all';
    const area = node.frame ? (frameArea(node.frame) ?? 'V8 & native (program)') : 'all';
    const share = tree.total > 0 ? node.total / tree.total : 0;
    boxes.push({ label, area, depth, x, width: node.total * scale, share, us: node.total });
    let next = x;
    for (const child of [...node.children.values()].sort((a, b) => b.total - a.total)) {
      if (child.total * scale >= MIN_WIDTH) visit(child, depth + 1, next);
      next += child.total * scale;
    }
  };
  visit(tree, 0, 0);
  return boxes;
}

/** A self-contained SVG flame graph (no script, no fonts to fetch): hover a frame for its share. */
export function flameGraph(tree: CallTree, title: string): string {
  const boxes = layout(tree);
  const depth = Math.max(...boxes.map((box) => box.depth));
  const height = HEAD + (depth + 1) * ROW + 8;
  const areas = [...new Set(boxes.map((box) => box.area))].filter((area) => area !== 'all').sort();
  const legend = areas.map((area, i) => {
    const x = 10 + (i % 6) * 195;
    const y = 28 + Math.floor(i / 6) * 14;
    return `<rect x="${x}" y="${y}" width="10" height="10" fill="${colour(area)}"/><text x="${x + 14}" y="${y + 9}">${escape(area)}</text>`;
  });
  const frames = boxes.map((box) => {
    const y = height - 8 - (box.depth + 1) * ROW;
    const tip = `${box.label} — ${(box.share * 100).toFixed(1)}% (${Math.round(box.us / 1000)} ms), ${box.area}`;
    const text = fitted(box.label, box.width);
    return (
      `<g><title>${escape(tip)}</title><rect x="${round(box.x + 10)}" y="${y}" width="${round(box.width)}" height="${ROW - 1}" fill="${colour(box.area)}"/>` +
      (text ? `<text x="${round(box.x + 13)}" y="${y + 11}">${escape(text)}</text>` : '') +
      '</g>'
    );
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH + 20}" height="${height}" font-family="monospace" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fdfdf8"/>`,
    `<text x="10" y="18" font-size="14">${escape(title)}</text>`,
    ...legend,
    ...frames,
    '</svg>',
    '',
  ].join('\n');
}

/** The label cut to the frame's width, or nothing when not even a few characters fit. */
export function fitted(label: string, width: number): string {
  const fits = Math.floor((width - 6) / CHAR);
  if (fits < 3) return '';
  return label.length <= fits ? label : `${label.slice(0, fits - 2)}..`;
}

/** One hue per kind of work, so a glance tells the framework from the database from the wire. */
const HUES: readonly (readonly [prefix: string, colour: string])[] = [
  ['all', '#bbbbbb'],
  ['SQLite', '#e8913a'],
  ['Nest', '#d65f5f'],
  ['fastify', '#9b6fd0'],
  ['HTTP socket', '#3a8fd6'],
  ['Node HTTP', '#7fb3e6'],
  ['Node async', '#a0c4a0'],
  ['Node', '#b8d4b8'],
  ['JSON', '#e6c84f'],
  ['JWT', '#4fb3a6'],
  ['validation', '#c77fb0'],
  ['logging', '#8fbf4f'],
  ['GC', '#707070'],
  ['idle', '#e0e0e0'],
  ['V8', '#a8a8a8'],
  ['Daftar', '#f0a8a0'],
];

export function colour(area: string): string {
  return HUES.find(([prefix]) => area.startsWith(prefix))?.[1] ?? '#d8c8a8';
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
