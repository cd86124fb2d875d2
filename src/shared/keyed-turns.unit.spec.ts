import { KeyedTurns } from './keyed-turns.js';

/** A promise settled from outside, to hold a turn open. */
function gate(): { readonly open: () => void; readonly opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('KeyedTurns', () => {
  it('runs one key’s work one at a time, in the order asked, and other keys meanwhile', async () => {
    const turns = new KeyedTurns();
    const log: string[] = [];
    const first = gate();
    const a1 = turns.run('a', async () => {
      log.push('a1 start');
      await first.opened;
      log.push('a1 end');
    });
    const a2 = turns.run('a', async () => void log.push('a2'));
    await turns.run('b', async () => void log.push('b'));
    expect(log).toEqual(['a1 start', 'b']);
    first.open();
    await Promise.all([a1, a2]);
    expect(log).toEqual(['a1 start', 'b', 'a1 end', 'a2']);
  });

  it('answers each work’s own result or failure, and a failure does not stop the key’s next work', async () => {
    const turns = new KeyedTurns();
    const failed = turns.run('a', () => Promise.reject(new Error('refused')));
    const next = turns.run('a', () => Promise.resolve(42));
    await expect(failed).rejects.toThrow('refused');
    await expect(next).resolves.toBe(42);
  });

  it('forgets a key once its work has settled', async () => {
    const turns = new KeyedTurns();
    const held = gate();
    const work = turns.run('a', () => held.opened);
    expect(turns.size).toBe(1);
    held.open();
    await work;
    await new Promise((resolve) => setImmediate(resolve));
    expect(turns.size).toBe(0);
  });
});
