/** `npm run bench:fill -- --events <n> [--dir <data dir>] [--seed <n>]`. */
export interface FillArgs {
  readonly events: number;
  readonly dir: string;
  readonly seed: number;
}

const USAGE = 'usage: bench:fill -- --events <n> [--dir <data dir>] [--seed <n>]';

export function parseFillArgs(args: readonly string[], defaultDir: string): FillArgs {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 1) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2);
    if (!['--events', '--dir', '--seed'].includes(flag!))
      throw new Error(`Unknown argument ${args[i]}; ${USAGE}`);
    const value = inline ?? args[(i += 1)];
    if (value === undefined || value === '') throw new Error(`${flag} needs a value; ${USAGE}`);
    values.set(flag!, value);
  }
  const count = (flag: string, fallback: number, least: number) => {
    const text = values.get(flag) ?? String(fallback);
    const n = Number(text.replaceAll('_', ''));
    if (!Number.isSafeInteger(n) || n < least)
      throw new Error(`${flag} ${text} is not a whole number ≥ ${least}`);
    return n;
  };
  return {
    events: count('--events', 1_000_000, 1),
    dir: values.get('--dir') ?? defaultDir,
    seed: count('--seed', 1, 0),
  };
}
