import { periodically } from './periodically.js';

describe('periodically', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('runs the task on every tick, but never twice at once, and stop waits for the run under way', async () => {
    let runs = 0;
    let finish: () => void = () => undefined;
    const task = periodically(
      1_000,
      () => {
        runs += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      () => undefined,
    );
    await jest.advanceTimersByTimeAsync(3_500);
    expect(runs).toBe(1);
    let stopped = false;
    const stopping = task.stop().then(() => (stopped = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    await jest.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);
  });

  it('hands a failure over and runs again at the next tick', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const task = periodically(
      1_000,
      async () => {
        runs += 1;
        throw new Error(`run ${runs}`);
      },
      (error) => errors.push(error),
    );
    await jest.advanceTimersByTimeAsync(2_000);
    expect(runs).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(['run 1', 'run 2']);
    await task.stop();
  });
});
