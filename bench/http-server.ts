import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { FloorServerSpec } from './floor-server-spec.js';
import { percentile, type Figure, type Floor } from './figure.js';

export interface RunningServer {
  readonly url: string;
  /** The server process's id: its memory is read from /proc (the province-scale figures). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * The compiled server in its own process (so the load generator does not share its event loop), on a
 * free loopback port, with demo data, in its default configuration (logging at `info`, as `npm start`);
 * resolves once GET /ready answers 200. `nodeArgs` go to Node itself (`--cpu-prof` for the profiler).
 */
export async function startServer(
  dataDir: string,
  env: Record<string, string> = {},
  ready: Readiness = READY_200,
  nodeArgs: readonly string[] = [],
): Promise<RunningServer> {
  // As a user runs it: a LOG_LEVEL in the bench's own environment must not quiet the server.
  const { LOG_LEVEL: _ignored, ...inherited } = process.env;
  return startProcess(
    join(process.cwd(), 'dist/src/main.js'),
    { ...inherited, DAFTAR_DATA_DIR: dataDir, ...env },
    ready,
    nodeArgs,
  );
}

/**
 * The floor of an HTTP figure: bench/floor-server.ts in its own process, like the server, answering
 * the same bytes (and, for a command, appending the same event through the same store).
 */
export async function startFloorServer(dir: string, spec: FloorServerSpec): Promise<RunningServer> {
  const file = join(dir, 'floor-server.json');
  writeFileSync(file, JSON.stringify(spec));
  return startProcess(
    join(process.cwd(), 'dist/bench/floor-server.js'),
    { ...process.env, FLOOR_SERVER_SPEC: file },
    READY_200,
  );
}

const READY_200: Readiness = { isReady: (res) => Promise.resolve(res.status === 200), timeoutMs: 60_000 };

/** A Node script in its own process on a free loopback port (PORT, HOST), once its GET /ready holds. */
async function startProcess(
  script: string,
  env: Record<string, string | undefined>,
  ready: Readiness,
  nodeArgs: readonly string[] = [],
): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await untilReady(url, child, ready);
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** When a started server counts as ready, by its answer to GET /ready; by default a 200 within a minute. */
export interface Readiness {
  isReady(res: Response): Promise<boolean>;
  readonly timeoutMs: number;
}

async function untilReady(url: string, child: ChildProcess, ready: Readiness): Promise<void> {
  const deadline = Date.now() + ready.timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if (await ready.isReady(await fetch(`${url}/ready`))) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server did not become ready in time');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface LoadOptions {
  readonly name: string;
  readonly connections: number;
  readonly seconds: number;
  readonly requests: autocannon.Request[];
  readonly headers?: Record<string, string>;
  /** Load before measuring, so the JIT and the caches of a fresh server are warm; 1 s by default. */
  readonly warmupSeconds?: number;
  /**
   * Requests per second over all connections, for latency below saturation; unset, each connection
   * sends its next request as soon as the last is answered. Only autocannon holds a rate.
   */
  readonly rate?: number;
  /** Called as the measured window begins, after the warm-up (the profiler keeps only that window). */
  readonly onMeasure?: () => void;
}

/** In a request body, replaced by a number unique to the request: for commands that must not repeat. */
export const UNIQUE = '{{n}}';

/**
 * Loads the server after a short warm-up and reports requests/s and latency percentiles. With `wrk`
 * installed (Debian's package) it drives the load: written in C, it leaves more of a 2-core machine to
 * the server than autocannon, whose own event loop otherwise inflates the percentiles it reports.
 */
export async function load(url: string, options: LoadOptions): Promise<Figure> {
  return options.rate === undefined && hasWrk()
    ? loadWithWrk(url, options)
    : loadWithAutocannon(url, options);
}

async function loadWithAutocannon(url: string, options: LoadOptions): Promise<Figure> {
  let unique = 0;
  const run = (seconds: number) =>
    autocannon({
      url,
      connections: options.connections,
      duration: seconds,
      requests: options.requests.map((request) => ({
        ...request,
        setupRequest: (req: autocannon.Request) =>
          typeof req.body === 'string' && req.body.includes(UNIQUE)
            ? { ...req, body: req.body.replaceAll(UNIQUE, `${Date.now()}-${(unique += 1)}`) }
            : req,
      })),
      headers: options.headers ?? {},
      ...(options.rate === undefined ? {} : { overallRate: options.rate }),
    });
  await run(options.warmupSeconds ?? 1);
  options.onMeasure?.();
  // Without a callback autocannon answers its instance, which is also the promise of its result.
  const measured = run(options.seconds) as Promise<autocannon.Result> & autocannon.Instance;
  // At a rate, each answer's own time to the microsecond: the histogram keeps whole milliseconds, too
  // coarse for reads of a few, and adds made-up samples for coordinated omission.
  const latenciesMs: number[] = [];
  if (options.rate !== undefined) {
    measured.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) latenciesMs.push(ms);
    });
  }
  const result = await measured;
  const errors = result.errors + result.timeouts + result.non2xx;
  const exact = latenciesMs.length > 0;
  return {
    name: options.name,
    value: Math.round(result.requests.average),
    unit: 'requests/s',
    connections: options.connections,
    ...(options.rate === undefined ? {} : { rate: options.rate }),
    latencyP50Ms: exact ? percentile(latenciesMs, 50) : result.latency.p50,
    latencyP99Ms: exact ? percentile(latenciesMs, 99) : result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: result.requests.total,
    errors,
    tool: 'autocannon',
  };
}

function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

async function loadWithWrk(url: string, options: LoadOptions): Promise<Figure> {
  const dir = mkdtempSync(join(tmpdir(), 'daftar-wrk-'));
  const script = join(dir, 'requests.lua');
  // Each request as [method, path, body]; the Lua script cycles through them.
  const requests = options.requests
    .map(
      (r) =>
        `{ ${JSON.stringify(r.method ?? 'GET')}, ${JSON.stringify(r.path ?? '/')}, ${r.body === undefined ? 'nil' : JSON.stringify(String(r.body))} }`,
    )
    .join(',\n  ');
  const headers = Object.entries(options.headers ?? {})
    .map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`)
    .join('\n');
  writeFileSync(
    script,
    `${headers}\nlocal requests = {\n  ${requests}\n}\nlocal i = 0\nrequest = function()\n  i = i + 1\n  local r = requests[(i % #requests) + 1]\n  local body = r[3] and string.gsub(r[3], "{{n}}", tostring(os.time()) .. "-" .. math.random(1000000000) .. "-" .. i) or nil\n  return wrk.format(r[1], r[2], nil, body)\nend\n`,
  );
  const run = (seconds: number) =>
    spawnSync('wrk', ['-t1', `-c${options.connections}`, `-d${seconds}s`, '--latency', '-s', script, url], {
      encoding: 'utf8',
    }).stdout;
  try {
    run(options.warmupSeconds ?? 1);
    options.onMeasure?.();
    const out = run(options.seconds);
    const percentile = (p: string) =>
      milliseconds(new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out));
    const rate = /Requests\/sec:\s+([\d.]+)/.exec(out);
    const total = /(\d+) requests in/.exec(out);
    const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out);
    const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
    if (!rate || !total) throw new Error(`could not read wrk's output:\n${out}`);
    return {
      name: options.name,
      value: Math.round(Number(rate[1])),
      unit: 'requests/s',
      connections: options.connections,
      latencyP50Ms: percentile('50'),
      latencyP99Ms: percentile('99'),
      requests: Number(total[1]),
      errors:
        Number(non2xx?.[1] ?? 0) +
        (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
      tool: 'wrk',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function milliseconds(match: RegExpExecArray | null): number | undefined {
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}

/**
 * An HTTP figure's floor: the floor server (bare `node:http`, in its own process) loaded by the same
 * load generator with the same requests, connections and duration as the figure.
 */
export async function loadFloor(
  dir: string,
  spec: FloorServerSpec,
  options: LoadOptions,
  what: string,
): Promise<Floor> {
  const floorDir = mkdtempSync(join(dir, 'floor-'));
  const server = await startFloorServer(floorDir, spec);
  try {
    const { name: _name, value, unit, ...measured } = await load(server.url, options);
    return { what, value, unit, ...measured };
  } finally {
    await server.stop();
  }
}
