import { join } from 'node:path';
import { runDemo } from '../../src/demo/walkthrough/demo-walkthrough.js';
import type { BenchFigure } from '../figure.js';
import { load, startServer } from '../http-server.js';
import { demoToken } from './demo-token.js';

/**
 * `http.command.submit`: commands over HTTP that each end in an appended event, 50 connections: the
 * demo citizen opening permit drafts (`POST /permits`), each one validated, checked against the
 * parcel's owners, decided, appended, and answered once the read model shows it (goal ≥ 2,000/s).
 */
const commandSubmit: BenchFigure = {
  name: 'http.command.submit',
  async run(context) {
    const server = await startServer(context.dir);
    try {
      const token = await demoToken(server.url, 'citizen');
      context.log('loading POST /permits with 50 connections');
      return {
        ...(await load(server.url, {
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
        })),
        goalPerSecond: 2000,
      };
    } finally {
      await server.stop();
    }
  },
};

/**
 * `http.verify`: anonymous `GET /v/:code` of the three documents `npm run demo` issues (map order,
 * permit, completion certificate), 50 connections (goal ≥ 5,000/s with p99 < 20 ms).
 */
const verify: BenchFigure = {
  name: 'http.verify',
  async run(context) {
    const server = await startServer(context.dir, { DAFTAR_VERIFY_RATE_LIMIT: '10000000' });
    try {
      context.log('issuing documents with the demo walk-through');
      const demo = await runDemo(server.url, () => {}, join(context.dir, 'outbox', 'sms.jsonl'));
      const codes = [demo.mapOrderDocument, demo.permitDocument, demo.completionDocument];
      context.log('loading GET /v/:code with 50 connections');
      return {
        ...(await load(server.url, {
          name: 'http.verify',
          connections: 50,
          seconds: 5,
          requests: codes.map((code) => ({ method: 'GET' as const, path: `/v/${encodeURIComponent(code)}` })),
        })),
        goalPerSecond: 5000,
        goalP99Ms: 20,
      };
    } finally {
      await server.stop();
    }
  },
};

export const permitFigures: readonly BenchFigure[] = [commandSubmit, verify];
