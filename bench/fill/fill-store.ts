import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { runDemo } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { openReadOnlyDatabase } from '../../src/event-store/sqlite/sqlite-schema.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { REACTIONS_FILE } from '../../src/event-store/open-event-store.js';
import { ReactionCheckpoints } from '../../src/event-store/subscriptions/reaction-checkpoints.js';
import { startServer } from '../http-server.js';
import { applicantDerivations, filedByRegisteredCitizen } from './applicant.js';
import { pickLength, placesOf, stoppingPoints } from './case-mix.js';
import { cloneCase, madeIds, seededRandom, type TemplateEvent } from './case-template.js';

export interface FillResult {
  readonly events: number;
  readonly files: number;
  readonly seconds: number;
  /** Of the whole fill, the part spent appending the cloned files. */
  readonly appendSeconds: number;
}

/** The cases appended between two awaits: enough for the store to commit thousands per transaction. */
const APPENDS_IN_FLIGHT = 4000;
/** Over how long the files were filed: a year, the oldest first. */
const SPAN_MS = 365 * 24 * 3600 * 1000;

/**
 * Fills an empty data directory with at least `events` events as the product writes them. The server
 * itself seeds the demo and walks one permit file through every stage (`npm run demo`'s walk-through:
 * registration, sign-ins, attachments, fees, payments, map order, design, permit, renewal, completion,
 * a transfer inquiry, reads recorded); that file's events are then the template of every other file,
 * each with its own ids and applicant (the citizen it registers), a year's worth of dates, one of the
 * three municipalities, its own parcel, and stopped at a random stage. The reactions already wrote
 * their part into the template, so their checkpoints move to the head; projections, the ledger and
 * the audit log catch up at the next start.
 */
export async function fillStore(
  dir: string,
  target: { events: number; seed: number },
  log: (line: string) => void,
): Promise<FillResult> {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  const started = performance.now();
  log(`recording the demo walk-through in ${dir}`);
  const recorded = await recordTemplate(dir);
  const { seed } = recorded;
  const template = filedByRegisteredCitizen(seed, recorded.template);
  const made = madeIds(template, knownIds(seed));
  const derive = applicantDerivations(template);
  const places = placesOf(seed);
  const cuts = stoppingPoints(template);
  const random = seededRandom(target.seed);
  const store = new SqliteEventStore(join(dir, 'events.db'));
  const appendStarted = performance.now();
  let events = seed.length + recorded.template.length;
  let files = 1;
  try {
    const filesAhead = Math.ceil(target.events / (template.length * 0.6));
    let pending: Promise<unknown>[] = [];
    while (events < target.events) {
      const place = places[Math.floor(random() * places.length)]!;
      const parcel = place.parcels[Math.floor(random() * place.parcels.length)]!;
      const kept = template.slice(0, pickLength(random, cuts, template.length));
      const clone = cloneCase(kept, made, {
        random,
        shiftMs: -SPAN_MS + (SPAN_MS * Math.min(files, filesAhead)) / filesAhead,
        swaps: new Map([...place.swaps, [TEMPLATE_PARCEL, parcel]]),
        derive,
      });
      for (const event of clone) {
        pending.push(
          store.append(
            event.stream,
            [
              {
                id: event.id,
                type: event.type,
                data: JSON.parse(event.data),
                metadata: JSON.parse(event.metadata),
              },
            ],
            { expectedRevision: 'any' },
          ),
        );
      }
      events += clone.length;
      files += 1;
      if (pending.length >= APPENDS_IN_FLIGHT) {
        await Promise.all(pending);
        pending = [];
        if (files % 500 === 0) log(`${events} events, ${files} files`);
      }
    }
    await Promise.all(pending);
    const head = await store.headPosition();
    moveReactionsTo(dir, head!);
  } finally {
    await store.close();
  }
  const appendSeconds = (performance.now() - appendStarted) / 1000;
  return { events, files, seconds: (performance.now() - started) / 1000, appendSeconds };
}

/** The demo's permit parcel, which each file moves to a parcel of its municipality. */
const TEMPLATE_PARCEL = '1-1-1-1-0-0-0';

async function recordTemplate(dir: string): Promise<{ seed: TemplateEvent[]; template: TemplateEvent[] }> {
  const server = await startServer(dir);
  let seedHead: number;
  try {
    seedHead = eventsOf(dir, 0).length;
    await runDemo(server.url, () => {}, join(dir, 'outbox', 'sms.jsonl'));
    // Reads are recorded in the background, and reactions finish a moment after the last answer.
    await settled(dir);
  } finally {
    await server.stop();
  }
  const all = eventsOf(dir, 0);
  return { seed: all.slice(0, seedHead), template: all.slice(seedHead) };
}

async function settled(dir: string): Promise<void> {
  let count = -1;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = eventsOf(dir, 0).length;
    if (now === count) return;
    count = now;
  }
}

function eventsOf(dir: string, after: number): TemplateEvent[] {
  const db = openReadOnlyDatabase(join(dir, 'events.db'));
  try {
    return db
      .prepare<[number], TemplateEvent>(
        'SELECT id, stream, type, data, metadata FROM events WHERE position > ? ORDER BY position',
      )
      .all(after);
  } finally {
    db.close();
  }
}

function knownIds(seed: readonly TemplateEvent[]): Set<string> {
  const known = new Set<string>();
  for (const event of seed) {
    known.add(event.stream);
    for (const uuid of `${event.id} ${event.stream} ${event.data} ${event.metadata}`.match(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
    ) ?? [])
      known.add(uuid);
  }
  return known;
}

function moveReactionsTo(dir: string, head: string): void {
  const reactions = new ReactionCheckpoints(join(dir, REACTIONS_FILE));
  try {
    const names = reactions.db
      .prepare<[], { name: string; version: number }>(
        "SELECT name, version FROM subscriber_checkpoints WHERE name LIKE 'reaction:%'",
      )
      .all();
    for (const { name, version } of names) reactions.saveCheckpoint(name, head, version);
  } finally {
    reactions.close();
  }
}

/** Bytes of the files of a directory, all the way down. */
export function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}
