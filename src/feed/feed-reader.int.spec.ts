import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { event } from '../../test/event-store/event-store.contract.js';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import type { CloudEventJson } from './cloud-event.js';
import type { FeedAudience } from './feed-audience.js';
import { FeedReader, type FeedReadOptions } from './feed-reader.js';

const everything: FeedAudience = { pii: [] };
const PERMITS = 12;

describe('FeedReader over the SQLite store', () => {
  let dir: string;
  let store: SqliteEventStore;
  let reader: FeedReader;
  const leaves = new Map<string, number>();
  const readerOver = (events: SqliteEventStore) =>
    new FeedReader(
      events,
      {
        leafIndexesOf: (ids) =>
          new Map(ids.flatMap((id) => (leaves.has(id) ? [[id, leaves.get(id)!] as const] : []))),
      },
      { publicUrl: 'https://daftar.example.ir' },
    );
  const open = () => {
    store = new SqliteEventStore(join(dir, 'events.db'), { pollIntervalMs: 20 });
    reader = readerOver(store);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-feed-'));
    open();
    const append = (stream: string, ...events: ReturnType<typeof event>[]) =>
      store.append(stream, events, { expectedRevision: 'any' });
    for (let i = 0; i < PERMITS; i += 1) {
      const municipality = i % 4 === 3 ? 'tehran' : 'hamedan';
      const permitId = `p${i}`;
      await append(
        `permit-${permitId}`,
        event('PermitDraftOpened', {
          permitId,
          municipality,
          renewalCode: '1-1-1-1-0-0-0',
          applicationType: 'NewConstruction',
          applicantNationalId: '0013542419',
        }),
      );
      await append(`user-u${i}`, event('UserCreated', { userId: `u${i}`, passwordHash: 'enc:v1:SECRET' }));
      await append(`permit-${permitId}`, event('PermitSubmitted', { permitId }));
    }
    await append(
      'inquiry-n1',
      event('InquiryFiled', {
        inquiryId: 'n1',
        municipality: 'hamedan',
        renewalCode: '1-1-1-1-0-0-0',
        requester: { organisation: 'notary-office-12' },
      }),
    );
    await append(
      'inquiry-b1',
      event('InquiryFiled', {
        inquiryId: 'b1',
        municipality: 'hamedan',
        renewalCode: '1-1-1-1-0-0-0',
        requester: { organisation: 'bank-melli-hamedan' },
      }),
    );
    await append('inquiry-n1', event('InquiryAnswered', { inquiryId: 'n1', outcome: 'cleared' }));
    await append('inquiry-b1', event('InquiryAnswered', { inquiryId: 'b1', outcome: 'cleared' }));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Every page until the reader is caught up. */
  async function readAll(
    audience: FeedAudience,
    options: FeedReadOptions,
    from = reader,
  ): Promise<CloudEventJson[]> {
    const all: CloudEventJson[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 1000; pages += 1) {
      const { events, next } = await from.read(audience, after, options);
      all.push(...events);
      if (events.length === 0 && next === after) return all;
      after = next;
    }
    throw new Error('the feed never caught up');
  }

  const types = (events: readonly CloudEventJson[]) => events.map((e) => e.type.split('.')[3]);

  it('pages through every published event once, in log order, without unpublished ones', async () => {
    const paged = await readAll(everything, { limit: 5 });
    const whole = (await reader.read(everything, undefined, { limit: 1000 })).events;
    expect(paged).toEqual(whole);
    expect(whole).toHaveLength(PERMITS * 2 + 4);
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
    expect(types(paged)).not.toContain('UserCreated');
    expect(JSON.stringify(paged)).not.toContain('SECRET');
    expect(JSON.stringify(paged)).not.toContain('0013542419');
  });

  it('finds a later event’s municipality from its stream’s first event', async () => {
    const tehran = await readAll(everything, { limit: 100, municipality: 'tehran' });
    expect(tehran).toHaveLength((PERMITS / 4) * 2);
    expect(types(tehran)).toEqual(expect.arrayContaining(['PermitDraftOpened', 'PermitSubmitted']));
    expect(tehran.every((e) => e.source === '/daftar/tehran/permit')).toBe(true);
    const scoped = await readAll({ pii: [], municipalities: ['tehran'] }, { limit: 100 });
    expect(scoped.map((e) => e.id)).toEqual(tehran.map((e) => e.id));
  });

  it('filters by type and category, the request’s and the audience’s', async () => {
    const submitted = await readAll(everything, { limit: 100, types: ['PermitSubmitted'] });
    expect(new Set(types(submitted))).toEqual(new Set(['PermitSubmitted']));
    expect(submitted).toHaveLength(PERMITS);
    const inquiries = await readAll({ pii: [], categories: ['inquiry'] }, { limit: 100 });
    expect(inquiries).toHaveLength(4);
    const none = await reader.read({ pii: [], types: ['PermitIssued'] }, undefined, {
      limit: 10,
      types: ['PermitSubmitted'],
    });
    expect(none.events).toEqual([]);
  });

  it('shows an organisation only the inquiries it filed, and their later events', async () => {
    const notary = await readAll(
      { pii: [], categories: ['inquiry', 'document'], organisation: 'notary-office-12' },
      {
        limit: 100,
      },
    );
    expect(notary.map((e) => [e.subject, types([e])[0]])).toEqual([
      ['inquiry-n1', 'InquiryFiled'],
      ['inquiry-n1', 'InquiryAnswered'],
    ]);
  });

  it('stops at the scan budget with a next cursor past what it scanned, and still finds everything', async () => {
    const first = await reader.read(everything, undefined, {
      limit: 100,
      municipality: 'tehran',
      scanBudget: 3,
    });
    expect(first.events.length).toBeLessThanOrEqual(3);
    const budgeted = await readAll(everything, { limit: 100, municipality: 'tehran', scanBudget: 3 });
    const unbudgeted = await readAll(everything, { limit: 100, municipality: 'tehran' });
    expect(budgeted).toEqual(unbudgeted);
  });

  it('adds the ledger’s leaf index when the ledger has the event', async () => {
    const [firstEvent, second] = (await reader.read(everything, undefined, { limit: 2 })).events;
    leaves.set(firstEvent!.id, 0);
    const again = (await reader.read(everything, undefined, { limit: 2 })).events;
    expect(again[0]!.daftarleafindex).toBe(0);
    expect(again[1]).not.toHaveProperty('daftarleafindex');
    expect(again[1]!.id).toBe(second!.id);
  });

  it('resumes from a cursor after the store is closed and opened again', async () => {
    const first = await reader.read(everything, undefined, { limit: 7 });
    const expected = await reader.read(everything, first.next, { limit: 7 });
    await store.close();
    open();
    const resumed = await reader.read(everything, first.next, { limit: 7 });
    expect(resumed).toEqual(expected);
    expect(first.events.at(-1)!.daftarposition).toBe(first.next);
  });

  it('refuses malformed cursors and unknown or unpublished types', async () => {
    await expect(reader.read(everything, 'bm9wZQ', { limit: 1 })).rejects.toMatchObject({
      code: 'FEED.INVALID_CURSOR',
    });
    await expect(
      reader.read(everything, Buffer.from('daftar-feed:v1:abc').toString('base64url'), { limit: 1 }),
    ).rejects.toMatchObject({ code: 'FEED.INVALID_CURSOR' });
    await expect(
      reader.read(everything, undefined, { limit: 1, types: ['UserCreated'] }),
    ).rejects.toMatchObject({
      code: 'FEED.UNKNOWN_TYPE',
    });
    await expect(
      reader.read(everything, undefined, { limit: 1, categories: ['user'] }),
    ).rejects.toMatchObject({
      code: 'FEED.UNKNOWN_CATEGORY',
    });
  });

  it('leaves a stream to the organisation that began it, whatever a later event names', async () => {
    // A log of its own: the other cases count the events of the shared one.
    const own = new SqliteEventStore(join(dir, 'own-events.db'), { pollIntervalMs: 20 });
    const filed = (organisation: string) =>
      event('InquiryFiled', {
        inquiryId: 'n2',
        municipality: 'hamedan',
        renewalCode: '1-1-1-1-0-0-0',
        requester: { organisation },
      });
    try {
      await own.append('inquiry-n2', [filed('notary-office-12')], { expectedRevision: 'no_stream' });
      await own.append('inquiry-n2', [filed('bank-melli-hamedan')], { expectedRevision: 0n });
      // One event a read: the later event's read does not hold its stream's first.
      const subjects = async (organisation: string) =>
        (
          await readAll(
            { pii: [], categories: ['inquiry'], organisation },
            { limit: 100, scanBudget: 1 },
            readerOver(own),
          )
        ).map((e) => e.subject);
      expect(await subjects('notary-office-12')).toEqual(['inquiry-n2', 'inquiry-n2']);
      expect(await subjects('bank-melli-hamedan')).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
