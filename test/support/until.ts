/** Each wait is for one observable step (a start, a catch-up); a loaded CI machine gets time. */
const DEFAULT_MS = 60_000;

/** Polls `check` until it answers something other than undefined; after `ms` fails naming `what`. */
export async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  ms = DEFAULT_MS,
  explain: () => string = () => '',
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${ms} ms waiting until ${what}. ${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
