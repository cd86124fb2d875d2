import { demoParcels } from '../../src/parcels/demo-parcels.js';
import type { BenchFigure } from '../figure.js';
import { load, startServer } from '../http-server.js';

/** `http.parcel.lookup`: anonymous public lookups across the demo parcels, 50 connections (goal: p99 < 5 ms). */
const parcelLookup: BenchFigure = {
  name: 'http.parcel.lookup',
  async run(context) {
    context.log('starting the server with demo data');
    const server = await startServer(context.dir);
    try {
      context.log('loading GET /parcels/:renewalCode with 50 connections');
      const requests = demoParcels
        .slice(0, 20)
        .map((p) => ({ method: 'GET' as const, path: `/parcels/${p.renewalCode}` }));
      return {
        ...(await load(server.url, { name: 'http.parcel.lookup', connections: 50, seconds: 5, requests })),
        goalP99Ms: 5,
      };
    } finally {
      await server.stop();
    }
  },
};

export const parcelFigures: readonly BenchFigure[] = [parcelLookup];
