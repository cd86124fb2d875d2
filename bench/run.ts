import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import type { Figure } from './figure.js';
import { figures } from './figures/index.js';
import { describeMachine } from './machine.js';
import {
  mergeReport,
  renderReport,
  replaceGenerated,
  scoreAgainstFloor,
  type BenchReport,
  type ReportFigure,
} from './report.js';

/**
 * Runs the benchmark figures: `npm run bench [-- --filter <prefix> …] [--no-report]`. Each figure prints
 * one JSON line on stdout (with its floor, ratio, goal and whether it is met); progress goes to stderr,
 * so `npm run bench 2>/dev/null` is machine-readable. Then it writes docs/benchmarks.json and the
 * generated part of docs/benchmarks.md; a filtered run replaces only the figures it measured.
 */
const REPORT_JSON = join(process.cwd(), 'docs', 'benchmarks.json');
const REPORT_MD = join(process.cwd(), 'docs', 'benchmarks.md');

function parseArgs(args: readonly string[]): { filters: string[]; report: boolean } {
  const filters: string[] = [];
  let report = true;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--filter' && args[i + 1] !== undefined) {
      filters.push(args[i + 1]!);
      i += 1;
    } else if (arg.startsWith('--filter=')) {
      filters.push(arg.slice('--filter='.length));
    } else if (arg === '--no-report') {
      report = false;
    } else {
      throw new Error(`Unknown argument ${arg}; usage: run.js [--filter <name prefix>]… [--no-report]`);
    }
  }
  return { filters, report };
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  const { filters, report } = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const machine = describeMachine(tmpdir(), startedAt);
  log(`machine: ${JSON.stringify(machine)}`);
  const selected = figures.filter(
    (figure) => filters.length === 0 || filters.some((prefix) => figure.name.startsWith(prefix)),
  );
  if (selected.length === 0) {
    log(`No figure matches ${filters.join(', ')}; figures: ${figures.map((f) => f.name).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const results = new Map<string, Figure>();
  const measured: ReportFigure[] = [];
  for (const figure of selected) {
    const dir = mkdtempSync(join(tmpdir(), 'daftar-bench-'));
    log(`▶ ${figure.name}`);
    try {
      const result = await figure.run({ dir, results, log: (message) => log(`  ${message}`) });
      results.set(result.name, result);
      const { name, value, unit, ...extra } = scoreAgainstFloor(result, figure.goal);
      process.stdout.write(`${JSON.stringify({ name, value, unit, ...extra })}\n`);
      measured.push({ name, value, unit, ...extra, measuredAt: startedAt.toISOString() });
    } catch (error) {
      // One broken figure should not hide the others; the exit code still reports it.
      log(`✖ ${figure.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (report && measured.length > 0) await writeReport({ machine, figures: measured });
}

/** Merges this run into docs/benchmarks.json and renders docs/benchmarks.md's generated part from it. */
async function writeReport(run: BenchReport): Promise<void> {
  const previous = existsSync(REPORT_JSON)
    ? (JSON.parse(readFileSync(REPORT_JSON, 'utf8')) as BenchReport)
    : undefined;
  const merged = mergeReport(
    previous,
    run,
    figures.map((f) => f.name),
  );
  await writePretty(REPORT_JSON, JSON.stringify(merged, null, 2));
  await writePretty(REPORT_MD, replaceGenerated(readFileSync(REPORT_MD, 'utf8'), renderReport(merged)));
  log(`wrote ${REPORT_JSON} and ${REPORT_MD}`);
}

/** Written as Prettier would, so that `prettier --check` in `npm test` holds after a bench run. */
async function writePretty(file: string, text: string): Promise<void> {
  writeFileSync(file, await format(text, { ...(await resolveConfig(file)), filepath: file }));
}

await main();
