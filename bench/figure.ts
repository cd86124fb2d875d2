import { performance } from 'node:perf_hooks';

/** One measured number, printed as one JSON line: name, value and unit first, then any extra fields. */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The same work with nothing of Daftar around it, measured in the same run (issue 18). */
  readonly floor?: Floor;
  /** The same work on what a team would pick instead, measured in the same run (issue 18). */
  readonly peer?: Peer;
  readonly [extra: string]: unknown;
}

/**
 * A figure's floor: what the machine allows for the same work (a bare `node:http` server serving the
 * same bytes, raw better-sqlite3 with the same rows, raw `node:crypto`), in the figure's own unit.
 */
export interface Floor {
  /** What the floor is, in a few words, for the report. */
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  readonly [extra: string]: unknown;
}

/** A figure's peer: another product doing the same work, in the figure's own unit. */
export interface Peer {
  /** The product and version, in a few words, for the report. */
  readonly what: string;
  readonly value: number;
  readonly unit: string;
  /** This figure's value ÷ the peer's (above 1: ours does more); absent when the peer did no work. */
  readonly ratio?: number;
  /** What went wrong on the peer, in a few words each, when something did. */
  readonly problems?: readonly string[];
  readonly [extra: string]: unknown;
}

export interface BenchContext {
  /** A fresh empty directory for this figure's data, removed after the figure ran. */
  readonly dir: string;
  /** The figures already measured in this run, by name: a baseline to compare with, for instance. */
  readonly results: ReadonlyMap<string, Figure>;
  /** Progress for humans; goes to stderr so stdout stays one JSON line per figure. */
  log(message: string): void;
}

export interface BenchFigure {
  readonly name: string;
  /** The least ratio to its floor this figure aims at (the figure's run reports the floor). */
  readonly goal?: number;
  run(context: BenchContext): Promise<Figure>;
}

/** Every figure warms up (caches, JIT, first checkpoints) and is then measured for a fixed window. */
export const WARMUP_MS = 1000;
export const MEASURE_MS = 4000;

export interface Measured {
  /** Units of work done inside the measured window. */
  readonly count: number;
  readonly seconds: number;
  /** Latency of each step that finished inside the window, in milliseconds. */
  readonly latenciesMs: number[];
}

/**
 * Runs `workers` concurrent loops of `step` (which answers how many units it did) through the warm-up
 * and then the measured window; only steps that finish inside the window count.
 */
export async function measureLoops(
  workers: number,
  step: (worker: number) => Promise<number>,
): Promise<Measured> {
  let phase: 'warmup' | 'measure' | 'stop' = 'warmup';
  let count = 0;
  const latenciesMs: number[] = [];
  const loop = async (worker: number) => {
    while (phase !== 'stop') {
      const started = performance.now();
      const units = await step(worker);
      // Read through a function so TypeScript does not narrow `phase` across the await.
      if (currentPhase() === 'measure') {
        count += units;
        latenciesMs.push(performance.now() - started);
      }
    }
  };
  const currentPhase = () => phase;
  const loops = Array.from({ length: workers }, (_, worker) => loop(worker));
  await sleep(WARMUP_MS);
  phase = 'measure';
  const startedAt = performance.now();
  await sleep(MEASURE_MS);
  const endedAt = performance.now();
  phase = 'stop';
  await Promise.all(loops);
  return { count, seconds: (endedAt - startedAt) / 1000, latenciesMs };
}

/** The synchronous counterpart of measureLoops, for code that never yields to the event loop. */
export function measureSync(step: () => number): Measured {
  const warmupEnd = performance.now() + WARMUP_MS;
  while (performance.now() < warmupEnd) step();
  const latenciesMs: number[] = [];
  let count = 0;
  const startedAt = performance.now();
  const end = startedAt + MEASURE_MS;
  let now = startedAt;
  while (now < end) {
    count += step();
    const finished = performance.now();
    latenciesMs.push(finished - now);
    now = finished;
  }
  return { count, seconds: (now - startedAt) / 1000, latenciesMs };
}

/** The p-th percentile (0–100) of some samples, rounded to microseconds; NaN without samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return round(sorted[Math.max(0, index)]!, 3);
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
