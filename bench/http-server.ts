import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Figure } from './figure.js';

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The compiled server in its own process (so the load generator does not share its event loop), on a
 * free loopback port, with demo data, quiet logs; resolves once GET /ready answers 200.
 */
export async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/src/main.js')], {
    env: {
      ...process.env,
      DAFTAR_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await untilReady(url, child);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function untilReady(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/ready`)).status === 200) return;
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
}

/** Loads the server with autocannon after a short warm-up and reports requests/s and latency percentiles. */
export async function load(url: string, options: LoadOptions): Promise<Figure> {
  const run = (seconds: number) =>
    autocannon({
      url,
      connections: options.connections,
      duration: seconds,
      requests: options.requests,
      headers: options.headers ?? {},
    });
  await run(1);
  const result = await run(options.seconds);
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    name: options.name,
    value: Math.round(result.requests.average),
    unit: 'requests/s',
    connections: options.connections,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    requests: result.requests.total,
    errors,
  };
}
