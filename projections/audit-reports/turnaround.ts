import { jalaliDate } from '../../src/shared/jalali.js';
import { summary } from './nearest-rank.js';
import type { EndedStage } from './report-facts.js';
import type { TurnaroundRow } from './report-rows.js';
import { tehranTime } from './tehran-clock.js';

export const TURNAROUND_GROUPS = ['stage', 'municipality', 'region', 'clerk'] as const;
export type TurnaroundGroup = (typeof TURNAROUND_GROUPS)[number];
export const TURNAROUND_SERIES = ['month', 'week'] as const;
export type TurnaroundSeries = (typeof TURNAROUND_SERIES)[number];

/** Median, 90th percentile and count of the stages' durations, per stage and the asked group and period. */
export function turnaround(
  stages: readonly EndedStage[],
  by: TurnaroundGroup,
  series?: TurnaroundSeries,
): TurnaroundRow[] {
  const groups = new Map<
    string,
    { row: Omit<TurnaroundRow, 'count' | 'medianSeconds' | 'p90Seconds'>; seconds: number[] }
  >();
  for (const stage of stages) {
    const row = {
      process: stage.process,
      stage: stage.stage,
      ...(by === 'municipality' || by === 'region' ? { municipality: stage.municipality } : {}),
      ...(by === 'region' ? { region: stage.region } : {}),
      ...(by === 'clerk' ? { clerkId: stage.clerkId } : {}),
      ...(series ? { period: periodOf(stage.endedAt, series) } : {}),
    };
    const key = JSON.stringify(row);
    const group = groups.get(key) ?? { row, seconds: [] as number[] };
    group.seconds.push(stage.seconds);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map(({ row, seconds }) => ({ ...row, ...summary(seconds) }))
    .sort((a, b) => (a.period ?? '').localeCompare(b.period ?? '') || a.process.localeCompare(b.process));
}

/** The Jalali month (`1405-09`) or ISO week (`2026-W49`) of a Tehran day. */
function periodOf(at: string, series: TurnaroundSeries): string {
  if (series === 'month') return jalaliDate(at).slice(0, 7);
  const day = new Date(`${tehranTime(at).day}T00:00:00Z`);
  // ISO 8601: the week belongs to the year of its Thursday.
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
