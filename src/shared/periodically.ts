/** A task run on a timer; `stop` clears the timer and waits for a run under way. */
export interface PeriodicTask {
  stop(): Promise<void>;
}

/**
 * Runs `task` every `everyMs`, never two runs at once (a slow run makes the next tick skip), on a
 * timer that keeps no process alive; a failure goes to `onError` and the next tick runs again.
 */
export function periodically(
  everyMs: number,
  task: () => Promise<unknown>,
  onError: (error: unknown) => void,
): PeriodicTask {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= task()
      .then(() => undefined, onError)
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
