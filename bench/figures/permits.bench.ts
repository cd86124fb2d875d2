import { join } from 'node:path';
import { runDemo } from '../../src/demo/walkthrough/demo-walkthrough.js';
import type { EventMetadata } from '../../src/event-store/event-envelope.js';
import { openReadOnlyDatabase } from '../../src/event-store/sqlite/sqlite-schema.js';
import type { BenchFigure } from '../figure.js';
import { captureGets, captureResponse } from '../floor-server-spec.js';
import { load, loadFloor, startServer, type LoadOptions } from '../http-server.js';
import { demoToken } from './demo-token.js';

/**
 * `http.command.submit`: commands over HTTP that each end in an appended event, 50 connections: the
 * demo citizen opening permit drafts (`POST /permits`), each one validated, checked against the
 * parcel's owners, decided, appended, and answered once the read model shows it (goal ≥ 2,000/s).
 * Its floor: a bare `node:http` endpoint appending the same event through the same store and
 * answering the same bytes (goal ≥ 0.4 of it).
 */
const commandSubmit: BenchFigure = {
  name: 'http.command.submit',
  goal: 0.4,
  async run(context) {
    const server = await startServer(context.dir);
    try {
      const options = await commandSubmitLoad(server.url);
      const response = await captureResponse(`${server.url}/permits`, {
        method: 'POST',
        headers: options.headers!,
        body: String(options.requests[0]!.body),
      });
      context.log('loading POST /permits with 50 connections');
      const figure = await load(server.url, options);
      await server.stop();
      const event = lastEventOf(join(context.dir, 'events.db'), 'permit');
      context.log(`loading the floor: bare node:http appending ${event.type} through the store`);
      const floor = await loadFloor(
        context.dir,
        {
          get: {},
          append: {
            path: '/permits',
            storeFile: join(context.dir, 'floor-events.db'),
            category: 'permit',
            ...event,
            idField: 'permitId',
            response,
          },
        },
        options,
        `bare node:http appending the same ${event.type} through the store`,
      );
      return { ...figure, goalPerSecond: 2000, floor };
    } finally {
      await server.stop();
    }
  },
};

/** The load of `http.command.submit` on a running server (also what `npm run bench:profile` drives). */
export async function commandSubmitLoad(url: string): Promise<LoadOptions> {
  const token = await demoToken(url, 'citizen');
  return {
    name: 'http.command.submit',
    connections: 50,
    seconds: 5,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/permits',
        body: JSON.stringify({ renewalCode: '1-1-1-1-0-0-0', applicationType: 'NewConstruction' }),
      },
    ],
  };
}

/** The last event the server appended to a stream of the category: what the floor appends in its place. */
function lastEventOf(
  file: string,
  category: string,
): { type: string; data: Record<string, unknown>; metadata: EventMetadata } {
  const db = openReadOnlyDatabase(file);
  try {
    const row = db
      .prepare<[string], { type: string; data: string; metadata: string }>(
        'SELECT type, data, metadata FROM events WHERE category = ? ORDER BY position DESC LIMIT 1',
      )
      .get(category);
    if (!row) throw new Error(`no ${category} event in ${file}`);
    return { type: row.type, data: JSON.parse(row.data), metadata: JSON.parse(row.metadata) };
  } finally {
    db.close();
  }
}

/** The only setting `http.verify` changes: the public rate limit would otherwise answer the load 429. */
export const VERIFY_SERVER_ENV: Record<string, string> = { DAFTAR_VERIFY_RATE_LIMIT: '10000000' };

/**
 * The load of `http.verify` (also what `npm run bench:profile` drives): the three documents the demo
 * walk-through issues on a running server whose data directory is `dir`.
 */
export async function verifyLoad(url: string, dir: string): Promise<LoadOptions> {
  const demo = await runDemo(url, () => {}, join(dir, 'outbox', 'sms.jsonl'));
  const codes = [demo.mapOrderDocument, demo.permitDocument, demo.completionDocument];
  return {
    name: 'http.verify',
    connections: 50,
    seconds: 5,
    requests: codes.map((code) => ({ method: 'GET' as const, path: `/v/${encodeURIComponent(code)}` })),
  };
}

/**
 * `http.verify`: anonymous `GET /v/:code` of the three documents `npm run demo` issues (map order,
 * permit, completion certificate), 50 connections (goal ≥ 5,000/s with p99 < 20 ms), beside a bare
 * `node:http` server answering the same bytes (goal ≥ 0.4 of it).
 */
const verify: BenchFigure = {
  name: 'http.verify',
  goal: 0.4,
  async run(context) {
    const server = await startServer(context.dir, VERIFY_SERVER_ENV);
    try {
      context.log('issuing documents with the demo walk-through');
      const options = await verifyLoad(server.url, context.dir);
      const spec = await captureGets(
        server.url,
        options.requests.map((r) => r.path!),
      );
      context.log('loading GET /v/:code with 50 connections');
      const figure = await load(server.url, options);
      await server.stop();
      context.log('loading the floor: bare node:http with the same answers');
      const floor = await loadFloor(context.dir, spec, options, 'bare node:http, same answers');
      return { ...figure, goalPerSecond: 5000, goalP99Ms: 20, floor };
    } finally {
      await server.stop();
    }
  },
};

export const permitFigures: readonly BenchFigure[] = [commandSubmit, verify];
