import { Logger } from '@nestjs/common';
import type { LedgerCheckpoints } from './ledger-checkpoints.js';
import { LedgerCheckpointer } from './ledger-checkpointer.js';

describe('LedgerCheckpointer', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks for a checkpoint at the clock’s time on every tick, until shut down', () => {
    const makeIfGrown = jest.fn();
    const at = new Date('2026-03-04T05:06:07Z');
    const checkpointer = new LedgerCheckpointer({ makeIfGrown } as unknown as LedgerCheckpoints, {
      intervalMs: 1000,
      now: () => at,
    });
    checkpointer.onApplicationBootstrap();
    jest.advanceTimersByTime(3500);
    expect(makeIfGrown.mock.calls).toEqual([[at], [at], [at]]);
    checkpointer.beforeApplicationShutdown();
    jest.advanceTimersByTime(5000);
    expect(makeIfGrown).toHaveBeenCalledTimes(3);
  });

  it('survives a failed checkpoint and tries again at the next tick', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const makeIfGrown = jest
      .fn()
      .mockImplementationOnce(() => {
        throw new Error('SQLITE_BUSY');
      })
      .mockImplementation(() => undefined);
    const checkpointer = new LedgerCheckpointer({ makeIfGrown } as unknown as LedgerCheckpoints, {
      intervalMs: 1000,
      now: () => new Date(),
    });
    checkpointer.onApplicationBootstrap();
    expect(() => jest.advanceTimersByTime(2500)).not.toThrow();
    expect(makeIfGrown).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledTimes(1);
    checkpointer.beforeApplicationShutdown();
    log.mockRestore();
  });
});
