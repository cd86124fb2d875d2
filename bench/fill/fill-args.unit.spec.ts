import { parseFillArgs } from './fill-args.js';

describe('parseFillArgs', () => {
  it('defaults to a million events in the default directory with seed 1', () => {
    expect(parseFillArgs([], '/data')).toEqual({ events: 1_000_000, dir: '/data', seed: 1 });
  });

  it('reads each flag with its value apart or after =', () => {
    expect(parseFillArgs(['--events', '100_000', '--dir=/tmp/x', '--seed', '7'], '/data')).toEqual({
      events: 100_000,
      dir: '/tmp/x',
      seed: 7,
    });
  });

  it.each([[['--events']], [['--events', 'many']], [['--events', '0']], [['--seed', '-1']], [['--fast']]])(
    'refuses %j',
    (args) => {
      expect(() => parseFillArgs(args, '/data')).toThrow();
    },
  );
});
