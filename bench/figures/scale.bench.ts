import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchContext, BenchFigure, Figure } from '../figure.js';
import { bytesUnder, fillStore, type FillResult } from '../fill/fill-store.js';
import { load, startServer, type LoadOptions, type RunningServer } from '../http-server.js';
import { parcelLookupLoad } from './parcels.bench.js';
import { commandSubmitLoad, verifyLoad, VERIFY_SERVER_ENV } from './permits.bench.js';

/**
 * A province's scale (issue 18): one store filled by `bench:fill` with DAFTAR_BENCH_SCALE_EVENTS events
 * (opt-in: a start on a million events catches up for a long while), shared by these figures and
 * removed when the bench ends. Read and command figures take the same figure on a fresh store (demo
 * data only) as their floor: the goal is to stay within 1.5× of it.
 */
const SCALE_EVENTS = Number(process.env['DAFTAR_BENCH_SCALE_EVENTS'] ?? 0);
const WITHIN = 1 / 1.5;
const NO_TIMEOUT = {
  isReady: (res: Response) => Promise.resolve(res.status === 200),
  timeoutMs: 4 * 3600_000,
};

let filled: Promise<{ dir: string; result: FillResult }> | undefined;

function filledStore(context: BenchContext): Promise<{ dir: string; result: FillResult }> {
  filled ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'daftar-scale-')), 'data');
    process.once('exit', () => rmSync(join(dir, '..'), { recursive: true, force: true }));
    context.log(`filling a store with ${SCALE_EVENTS} events`);
    const result = await fillStore(dir, { events: SCALE_EVENTS, seed: 1 }, context.log);
    return { dir, result };
  })();
  return filled;
}

/** Starts a server on the filled store, waits for GET /ready 200 and stops it: seconds to ready, RSS. */
async function timedRun(
  context: BenchContext,
  dir: string,
  what: string | undefined,
  readiness: typeof NO_TIMEOUT = NO_TIMEOUT,
): Promise<{ seconds: number; rss: number }> {
  if (what) context.log(what);
  const started = performance.now();
  const server = await startServer(dir, {}, readiness);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const rss = rssMb(server.pid);
  await server.stop();
  return { seconds, rss };
}

function rssMb(pid: number | undefined): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Math.round(Number(kb) / 1024);
}

const fill: BenchFigure = {
  name: 'scale.fill',
  async run(context) {
    const { dir, result } = await filledStore(context);
    const eventsDb = bytesUnder(join(dir, 'events.db'));
    return {
      name: 'scale.fill',
      value: Math.round(result.events / result.seconds),
      unit: 'events/s',
      events: result.events,
      files: result.files,
      seconds: Math.round(result.seconds),
      eventsDbBytesPerEvent: Math.round(eventsDb / result.events),
    };
  },
};

/**
 * Start to /ready: the first start catches up every read model, the ledger and the audit log; a
 * restart only resumes.
 */
const ready: BenchFigure = {
  name: 'scale.ready',
  async run(context) {
    const { dir, result } = await filledStore(context);
    const first = await timedRun(context, dir, 'first start: catching up the filled log');
    const dataDir = bytesUnder(dir);
    const again = await timedRun(context, dir, 'restart with the read models present');
    return {
      name: 'scale.ready',
      value: again.seconds,
      unit: 's',
      events: result.events,
      firstStartSeconds: first.seconds,
      rssAfterFirstStartMb: first.rss,
      rssAfterRestartMb: again.rss,
      eventsDbBytesPerEvent: Math.round(bytesUnder(join(dir, 'events.db')) / result.events),
      dataDirBytesPerEvent: Math.round(dataDir / result.events),
    };
  },
};

/** The files derived from the log (test/faults/read-models-deleted.int.spec.ts): rebuilt at start. */
const DERIVED = /^(read-models|ledger)\.db(-wal|-shm)?$/;
/** How long the restart that rebuilds them may take before the figure reports how far it got. */
const REBUILT_WITHIN_MS = Number(process.env['DAFTAR_BENCH_SCALE_REBUILT_MINUTES'] ?? 20) * 60_000;

/** A restart with the read models and the ledger deleted, last: it leaves the store rebuilt or not. */
const readyRebuilt: BenchFigure = {
  name: 'scale.ready.rebuilt',
  async run(context) {
    const { dir, result } = await filledStore(context);
    for (const file of readdirSync(dir).filter((name) => DERIVED.test(name))) rmSync(join(dir, file));
    let lastAnswer: unknown;
    const readiness = {
      timeoutMs: REBUILT_WITHIN_MS,
      isReady: async (res: Response) => {
        lastAnswer = await res.json();
        return res.status === 200;
      },
    };
    context.log('restart with the read models and the ledger deleted');
    const started = performance.now();
    try {
      const rebuilt = await timedRun(context, dir, undefined, readiness);
      return { name: 'scale.ready.rebuilt', value: rebuilt.seconds, unit: 's', rssMb: rebuilt.rss };
    } catch (error) {
      // Not ready in time: how far each subscriber got (GET /ready's 503 details), out of the log.
      type Statuses = { subscribers?: { name: string; position?: string }[] };
      const answer = (lastAnswer ?? {}) as { details?: Statuses };
      const subscribers = answer.details?.subscribers ?? [];
      return {
        name: 'scale.ready.rebuilt',
        value: Math.round((performance.now() - started) / 1000),
        unit: 's',
        notReady: String(error),
        events: result.events,
        behind: subscribers.filter((s) => Number(s.position ?? 0) < result.events),
      };
    }
  },
};

const rebuild: BenchFigure = {
  name: 'scale.projections.rebuild',
  async run(context) {
    const { dir, result } = await filledStore(context);
    context.log('npm run projections:rebuild on the filled store');
    const started = performance.now();
    const run = spawnSync(process.execPath, ['dist/src/scripts/rebuild-projections.js'], {
      env: { ...process.env, DAFTAR_DATA_DIR: dir },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`projections:rebuild failed: ${run.stderr}`);
    const seconds = (performance.now() - started) / 1000;
    return {
      name: 'scale.projections.rebuild',
      value: Math.round(result.events / seconds),
      unit: 'events/s',
      seconds: Math.round(seconds),
    };
  },
};

/** A read or command figure on the filled store beside the same figure on a fresh one. */
function againstFresh(
  name: string,
  options: (server: RunningServer, dir: string) => Promise<LoadOptions>,
  env: Record<string, string> = {},
): BenchFigure {
  return {
    name: `scale.${name}`,
    goal: WITHIN,
    async run(context) {
      const { dir } = await filledStore(context);
      const measure = async (data: string): Promise<Figure & { rssAfterLoadMb: number }> => {
        const server = await startServer(data, env, NO_TIMEOUT);
        try {
          const figure = await load(server.url, await options(server, data));
          return { ...figure, rssAfterLoadMb: rssMb(server.pid) };
        } finally {
          await server.stop();
        }
      };
      context.log(`${name} on the filled store`);
      const { name: _filled, ...atScale } = await measure(dir);
      context.log(`${name} on a fresh store`);
      const { name: _fresh, value, unit, ...fresh } = await measure(join(context.dir, 'fresh'));
      return {
        name: `scale.${name}`,
        ...atScale,
        floor: { what: 'the same on a fresh store (demo data only)', value, unit, ...fresh },
      };
    },
  };
}

export const scaleFigures: readonly BenchFigure[] =
  SCALE_EVENTS > 0
    ? [
        fill,
        ready,
        againstFresh('http.parcel.lookup', () => Promise.resolve(parcelLookupLoad())),
        againstFresh('http.verify', (server, dir) => verifyLoad(server.url, dir), VERIFY_SERVER_ENV),
        againstFresh('http.command.submit', (server) => commandSubmitLoad(server.url)),
        rebuild,
        readyRebuilt,
      ]
    : [];
