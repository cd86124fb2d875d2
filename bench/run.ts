import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from './figure.js';
import { figures } from './figures/index.js';

/**
 * Runs the benchmark figures: `npm run bench [-- --filter <prefix> …]`. Each figure prints one JSON line
 * on stdout; progress goes to stderr, so `npm run bench 2>/dev/null` is machine-readable.
 */
function parseFilters(args: readonly string[]): string[] {
  const filters: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--filter' && args[i + 1] !== undefined) {
      filters.push(args[i + 1]!);
      i += 1;
    } else if (arg.startsWith('--filter=')) {
      filters.push(arg.slice('--filter='.length));
    } else {
      throw new Error(`Unknown argument ${arg}; usage: run.js [--filter <name prefix>]…`);
    }
  }
  return filters;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

async function main(): Promise<void> {
  const filters = parseFilters(process.argv.slice(2));
  const selected = figures.filter(
    (figure) => filters.length === 0 || filters.some((prefix) => figure.name.startsWith(prefix)),
  );
  if (selected.length === 0) {
    log(`No figure matches ${filters.join(', ')}; figures: ${figures.map((f) => f.name).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  const results = new Map<string, Figure>();
  for (const figure of selected) {
    const dir = mkdtempSync(join(tmpdir(), 'daftar-bench-'));
    log(`▶ ${figure.name}`);
    try {
      const result = await figure.run({ dir, results, log: (message) => log(`  ${message}`) });
      results.set(result.name, result);
      const { name, value, unit, ...extra } = result;
      process.stdout.write(`${JSON.stringify({ name, value, unit, ...extra })}\n`);
    } catch (error) {
      // One broken figure should not hide the others; the exit code still reports it.
      log(`✖ ${figure.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exitCode = 1;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

await main();
