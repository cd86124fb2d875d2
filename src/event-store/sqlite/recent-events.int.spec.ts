import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event } from '../../../test/event-store/event-store.contract.js';
import { SqliteEventStore } from './sqlite-event-store.js';

describe('SqliteEventStore reads recent events from memory, and the database when it must', () => {
  let dir: string;
  let writer: SqliteEventStore;
  let other: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-recent-'));
    writer = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    other = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
  });
  afterEach(async () => {
    await writer.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const types = (events: { type: string }[]) => events.map((e) => e.type);

  it('answers filtered pages of its own commits like the database does', async () => {
    await writer.append('a-1', [event('One'), event('Two')], { expectedRevision: 'no_stream' });
    await writer.append('b-1', [event('Three')], { expectedRevision: 'no_stream' });
    const fromMemory = await writer.readAll(undefined, { types: ['One', 'Three'] });
    const fromDatabase = await other.readAll(undefined, { types: ['One', 'Three'] });
    expect(fromMemory).toEqual(fromDatabase);
    expect(types(fromMemory.events)).toEqual(['One', 'Three']);
    expect((await writer.readAll('1', { categories: ['b'] })).events.map((e) => e.stream)).toEqual(['b-1']);
    expect((await writer.readAll('1', { maxCount: 1 })).nextPosition).toBe('2');
  });

  it('sees what another process committed, however recent its own commits are', async () => {
    await writer.append('a-1', [event('Mine')], { expectedRevision: 'no_stream' });
    await other.append('a-2', [event('Theirs')], { expectedRevision: 'no_stream' });
    await writer.append('a-3', [event('MineAgain')], { expectedRevision: 'no_stream' });
    expect(types((await writer.readAll(undefined)).events)).toEqual(['Mine', 'Theirs', 'MineAgain']);
    expect(types((await writer.readAll('1')).events)).toEqual(['Theirs', 'MineAgain']);
  });

  it('hands out events nobody can change', async () => {
    await writer.append('a-1', [event('One', { n: 1 })], { expectedRevision: 'no_stream' });
    const [read] = (await writer.readAll(undefined)).events;
    expect(Object.isFrozen(read!.data)).toBe(true);
  });
});
