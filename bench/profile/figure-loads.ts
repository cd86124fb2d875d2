import { inquiryAutoLoad } from '../figures/inquiries.bench.js';
import { parcelLookupLoad } from '../figures/parcels.bench.js';
import { commandSubmitLoad, VERIFY_SERVER_ENV, verifyLoad } from '../figures/permits.bench.js';
import type { LoadOptions } from '../http-server.js';

/** How to load a running server as one HTTP figure of `npm run bench` does. */
export interface FigureLoad {
  /** The settings the figure starts the server with, beside the defaults. */
  readonly env: Record<string, string>;
  /** The figure's requests against a server at `url` with data in `dir` (signing in, issuing documents). */
  prepare(url: string, dir: string): Promise<LoadOptions>;
}

/** The figures `npm run bench:profile` knows, by their names in the benchmark report. */
export const figureLoads: ReadonlyMap<string, FigureLoad> = new Map([
  ['http.command.submit', { env: {}, prepare: (url) => commandSubmitLoad(url) }],
  ['http.parcel.lookup', { env: {}, prepare: () => Promise.resolve(parcelLookupLoad()) }],
  ['http.verify', { env: VERIFY_SERVER_ENV, prepare: verifyLoad }],
  ['http.inquiry.auto', { env: {}, prepare: (url) => inquiryAutoLoad(url) }],
]);
