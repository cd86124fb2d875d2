import { demoParcels } from '../../src/parcels/demo-parcels.js';
import type { BenchFigure } from '../figure.js';
import { captureGets } from '../floor-server-spec.js';
import { load, loadFloor, startServer, type LoadOptions } from '../http-server.js';

/**
 * `http.parcel.lookup`: anonymous public lookups across the demo parcels, 50 connections (goal: p99 < 5 ms),
 * beside its floor: a bare `node:http` server answering the same bytes (goal ≥ 0.5 of it).
 */
const parcelLookup: BenchFigure = {
  name: 'http.parcel.lookup',
  goal: 0.5,
  async run(context) {
    context.log('starting the server with demo data');
    const server = await startServer(context.dir);
    const options = parcelLookupLoad();
    try {
      const spec = await captureGets(
        server.url,
        options.requests.map((r) => r.path!),
      );
      context.log('loading GET /parcels/:renewalCode with 50 connections');
      const figure = await load(server.url, options);
      await server.stop();
      context.log('loading the floor: bare node:http with the same answers');
      const floor = await loadFloor(context.dir, spec, options, 'bare node:http, same answers');
      return { ...figure, goalP99Ms: 5, floor };
    } finally {
      await server.stop();
    }
  },
};

/** The load of `http.parcel.lookup` (also what `npm run bench:profile` drives): 20 demo parcels. */
export function parcelLookupLoad(): LoadOptions {
  return {
    name: 'http.parcel.lookup',
    connections: 50,
    seconds: 5,
    requests: demoParcels
      .slice(0, 20)
      .map((p) => ({ method: 'GET' as const, path: `/parcels/${p.renewalCode}` })),
  };
}

export const parcelFigures: readonly BenchFigure[] = [parcelLookup];
