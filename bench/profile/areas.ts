import type { Frame } from './cpu-profile.js';

/**
 * What a frame's own time is spent on, by its file (or, for V8's entries and native calls, its name).
 * Native calls into better-sqlite3 never show as frames: their time is the self time of the JavaScript
 * that made them, so the files that call SQLite count as SQLite.
 */
const RULES: readonly (readonly [area: string, file: RegExp])[] = [
  [
    'SQLite',
    new RegExp(
      '^(better-sqlite3/|src/event-store/sqlite/|src/event-store/subscriptions/' +
        '(read-model-database|documents|parked-events|projection-subscriber|reaction-subscriber)\\.js|' +
        'src/.*\\.(read-model|tables|subscriber)\\.js|src/ledger/(ledger-tree|checkpoint-log|verify-ledger/stored-leaves)\\.js|' +
        'src/webhooks/delivery/delivery-store\\.js|src/audit/record-access/audit-outbox\\.js)',
    ),
  ],
  [
    'logging (pino)',
    /^(pino|pino-std-serializers|pino-pretty|sonic-boom|thread-stream)\/|^src\/shared\/logging\//,
  ],
  [
    'JSON',
    /^(fast-json-stringify|safe-stable-stringify|secure-json-parse|fast-safe-stringify)\/|^signing\/canonical-json/,
  ],
  [
    'JWT/crypto & auth',
    /^(jose|node-forge|@peculiar\/[^/]+|asn1js|pvtsutils|pvutils)\/|^node:internal\/crypto|^signing\/|^src\/identity\/auth\//,
  ],
  [
    'validation',
    /^(class-validator|class-transformer|validator|libphonenumber-js)\/|^@nestjs\/common\/pipes\/validation|^src\/shared\/http\/validation/,
  ],
  ['Nest/rxjs pipeline', /^(@nestjs\/[^/]+|rxjs|reflect-metadata|iterare|tslib)\/|^src\/shared\/http\//],
  [
    'fastify',
    /^(fastify|@fastify\/[^/]+|find-my-way|avvio|light-my-request|fastq|toad-cache|fast-querystring)\//,
  ],
  ['Node async_hooks', /^node:(internal\/)?async_hooks/],
  ['Node HTTP & streams', /^node:(_http|net|events|internal\/(streams|stream_base|http|net))/],
];

/** Native functions whose own time the reports name, beside V8's entries. */
const NATIVE: ReadonlyMap<string, string> = new Map([
  ['(idle)', 'idle'],
  ['(garbage collector)', 'GC'],
  ['(program)', 'V8 & native (program)'],
  ['writev', 'HTTP socket writes (writev)'],
  ['writeUtf8String', 'HTTP socket writes (writev)'],
  ['writeLatin1String', 'HTTP socket writes (writev)'],
  ['writeBuffer', 'HTTP socket writes (writev)'],
]);

/**
 * The area of one frame's own time; undefined for a native function the rules do not name, whose time
 * belongs to the area of the JavaScript that called it.
 */
export function frameArea(frame: Frame): string | undefined {
  if (frame.file === '') return NATIVE.get(frame.name);
  const rule = RULES.find(([, file]) => file.test(frame.file));
  if (rule) return rule[0];
  if (frame.file.startsWith('node:')) return NODE_OTHER;
  const own = /^(src|projections|signing)\/([^/]+)/.exec(frame.file);
  if (own) return own[1] === 'src' ? `Daftar: ${own[2]}` : `Daftar: ${own[1]}`;
  return 'other packages';
}

/** Node's own modules outside the areas above: their time belongs to whoever called them (fs to pino). */
const NODE_OTHER = 'Node (other)';

/**
 * The area of a sample's time, from its stack (outermost first): the area of the innermost frame that has
 * one, past Node's own general-purpose modules; SQLite split by who asked for it (the event store's
 * append, a subscriber, a request handler).
 */
export function stackArea(frames: readonly Frame[]): string {
  let fallback = 'V8 & native (program)';
  for (let i = frames.length - 1; i >= 0; i -= 1) {
    const area = frameArea(frames[i]!);
    if (area === 'SQLite') return `SQLite: ${sqliteCaller(frames.slice(0, i + 1))}`;
    if (area === NODE_OTHER) fallback = NODE_OTHER;
    else if (area !== undefined) return area;
  }
  return fallback;
}

/** Who asked for a SQLite call, by a frame on its stack; the innermost one that names a caller wins. */
const CALLERS: readonly ((frame: Frame) => string | undefined)[] = [
  (f) =>
    /event-store\/sqlite\//.test(f.file) && /append|flush/i.test(f.name)
      ? 'event store append/flush'
      : undefined,
  (f) => named(f, /([^/]+)\.subscriber\.js$/, 'subscriber'),
  (f) => named(f, /([^/]+)\.reaction\.js$/, 'reaction'),
  (f) => (/projection-subscriber\.js$/.test(f.file) ? 'subscriber projections' : undefined),
  (f) => (/reaction-subscriber\.js$/.test(f.file) ? 'subscriber reactions' : undefined),
  (f) => named(f, /([^/]+)\.handler\.js$/, 'request handler'),
  (f) => (/polling-subscription\.js$/.test(f.file) ? 'subscriptions polling the log' : undefined),
];

function named(frame: Frame, file: RegExp, what: string): string | undefined {
  const match = file.exec(frame.file);
  return match ? `${what} ${match[1]}` : undefined;
}

function sqliteCaller(frames: readonly Frame[]): string {
  for (let i = frames.length - 1; i >= 0; i -= 1) {
    for (const caller of CALLERS) {
      const name = caller(frames[i]!);
      if (name !== undefined) return name;
    }
  }
  const leaf = frames[frames.length - 1]!;
  return `other (${leaf.name} in ${leaf.file})`;
}
