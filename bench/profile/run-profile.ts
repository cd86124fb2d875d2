import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { load, startServer } from '../http-server.js';
import { callTree, stacksIn, type CpuProfile, type TimeWindow } from './cpu-profile.js';
import { figureLoads, type FigureLoad } from './figure-loads.js';
import { flameGraph } from './flame-graph.js';
import { profileSummary, type ProfiledRun } from './profile-summary.js';

/**
 * Where the time of an HTTP figure goes: `npm run bench:profile [-- --figure <name>]… [--seconds 8]`
 * starts the server as the figure does but under `--cpu-prof`, loads it the same way, and writes
 * docs/profiles/<figure>.svg (a flame graph of the measured window) and <figure>.md (time by area and by
 * function). Without --figure it profiles every figure it knows.
 */
const OUT = join(process.cwd(), 'docs', 'profiles');

function parseArgs(args: readonly string[]): { names: string[]; seconds: number } {
  const names: string[] = [];
  let seconds = 8;
  for (let i = 0; i < args.length; i += 1) {
    // `--flag value` or `--flag=value`.
    const [flag, inline] = args[i]!.split('=', 2) as [string, string | undefined];
    const value = inline ?? args[(i += 1)] ?? '';
    if (flag === '--figure' && figureLoads.has(value)) names.push(value);
    else if (flag === '--seconds' && Number(value) > 0) seconds = Number(value);
    else {
      const usage = `[--figure <${[...figureLoads.keys()].join('|')}>]… [--seconds <n>]`;
      throw new Error(`Unknown argument ${flag} ${value}; usage: run-profile.js ${usage}`);
    }
  }
  return { names: names.length > 0 ? names : [...figureLoads.keys()], seconds };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** Now on the clock of V8's profiles: the machine's monotonic clock, in microseconds. */
function nowUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

async function profile(name: string, figure: FigureLoad, seconds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'daftar-profile-'));
  const dataDir = join(dir, 'data');
  const profileDir = join(dir, 'cpu');
  mkdirSync(dataDir);
  try {
    log(`▶ ${name}: starting the server under --cpu-prof`);
    const server = await startServer(dataDir, figure.env, undefined, [
      '--cpu-prof',
      `--cpu-prof-dir=${profileDir}`,
    ]);
    let run: ProfiledRun;
    let window: TimeWindow;
    try {
      let fromUs = Number.POSITIVE_INFINITY;
      const options = {
        ...(await figure.prepare(server.url, dataDir)),
        seconds,
        onMeasure: () => (fromUs = nowUs()),
      };
      const warmupSeconds = options.warmupSeconds ?? 1;
      log(`  loading with ${options.connections} connections for ${warmupSeconds} + ${seconds} s`);
      const measured = await load(server.url, options);
      window = { fromUs, toUs: nowUs() };
      run = {
        figure: name,
        command: `npm run bench:profile -- --figure ${name} --seconds ${seconds}`,
        connections: options.connections,
        seconds,
        warmupSeconds,
        requestsPerSecond: measured.value,
        latencyP99Ms: measured['latencyP99Ms'] as number | undefined,
        errors: Number(measured['errors'] ?? 0),
      };
    } finally {
      // Node writes the profile as the server exits after its shutdown hooks.
      await server.stop();
    }
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error(`the server wrote no profile in ${profileDir}`);
    const cpu = JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile;
    const stacks = stacksIn(cpu, window, join(process.cwd(), 'dist'));
    mkdirSync(OUT, { recursive: true });
    writeFileSync(join(OUT, `${name}.svg`), flameGraph(callTree(stacks), `${name}: ${run.command}`));
    const markdown = join(OUT, `${name}.md`);
    const prettier = { ...(await resolveConfig(markdown)), filepath: markdown };
    writeFileSync(markdown, await format(profileSummary(run, stacks), prettier));
    log(`  ${run.requestsPerSecond} requests/s under the profiler; wrote ${markdown} and its .svg`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { names, seconds } = parseArgs(process.argv.slice(2));
  for (const name of names) await profile(name, figureLoads.get(name)!, seconds);
}

await main();
