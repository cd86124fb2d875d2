import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { round, type BenchContext, type BenchFigure, type Figure, type Peer } from '../figure.js';

/**
 * The peer of the append figures (issue 18): Emmett's SQLite event store on the same workload, measured
 * in a process of its own (emmett-append.child.ts), so that its native `sqlite3` module and the writers
 * it leaves stalled cannot weigh on the figures measured after it.
 */
export const emmettFigureName = (writers: number) => `append.emmett.c${writers}`;

/** Emmett's figure for `writers` as the peer of Daftar's figure of value `value`, when it ran. */
export function emmettPeer(context: BenchContext, writers: number, value: number): Peer | undefined {
  const emmett = context.results.get(emmettFigureName(writers));
  if (!emmett) return undefined;
  const { acknowledged, eventsInFile, failedAppends, failures } = emmett as Figure & {
    acknowledged: number;
    eventsInFile: number;
    failedAppends: number;
    failures: Record<string, number>;
  };
  const problems = [
    ...(failedAppends > 0
      ? [
          `${failedAppends} of ${failedAppends + acknowledged} appends failed (${Object.entries(failures)
            .map(([kind, n]) => `${kind} ×${n}`)
            .join('; ')})`,
        ]
      : []),
    ...(eventsInFile < acknowledged
      ? [`${acknowledged - eventsInFile} of ${acknowledged} acknowledged events are not in the file`]
      : []),
  ];
  return {
    what: `${String(emmett['store'])}, journal_mode=${String(emmett['journalMode'])}, synchronous=${String(emmett['synchronous'])}`,
    value: emmett.value,
    unit: emmett.unit,
    latencyP50Ms: emmett['latencyP50Ms'],
    latencyP99Ms: emmett['latencyP99Ms'],
    ...(emmett.value > 0 ? { ratio: round(value / emmett.value, 2) } : {}),
    ...(problems.length > 0 ? { problems } : {}),
  };
}

export const emmettFigure = (writers: number): BenchFigure => ({
  name: emmettFigureName(writers),
  async run(context) {
    const child = join(import.meta.dirname, 'emmett-append.child.js');
    const { stdout } = await promisify(execFile)(process.execPath, [child, String(writers), context.dir], {
      maxBuffer: 1024 * 1024,
    });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as Figure;
  },
});
