import { Documents, type ListQuery, type Position } from './documents.js';
import { ReadModelDatabase } from './read-model-database.js';
import { seededReadModels, type QueryRun } from './read-model.fixtures.js';

interface Person {
  readonly id: string;
  readonly active: boolean;
  readonly grants: readonly { role: string; municipality?: string }[];
}

const people: Person[] = [
  { id: 'a', active: true, grants: [{ role: 'clerk', municipality: 'hamedan' }] },
  { id: 'b', active: false, grants: [{ role: 'clerk', municipality: 'tehran' }, { role: 'admin' }] },
  { id: 'c', active: true, grants: [{ role: 'surveyor', municipality: 'hamedan' }] },
];

describe('Documents over a real read-model database', () => {
  let readModels: ReadModelDatabase;
  let documents: Documents<Person>;
  beforeAll(() => {
    readModels = new ReadModelDatabase(':memory:');
    readModels.prepareDocuments('people', []);
    const insert = readModels.db.prepare('INSERT INTO rm_people (id, doc) VALUES (?, ?)');
    for (const p of people) insert.run(p.id, JSON.stringify(p));
    documents = new Documents<Person>(readModels, 'people');
  });
  afterAll(() => readModels.close());

  const ids = (query: Parameters<Documents<Person>['list']>[0]) =>
    documents.list(query).items.map((p) => p.id);
  const all = { limit: 10, offset: 0 };

  it('filters on fields, ignoring undefined ones', () => {
    expect(ids({ ...all, where: { active: true, id: undefined } })).toEqual(['a', 'c']);
  });

  it('matches array elements on every given field of one element', () => {
    expect(ids({ ...all, some: { path: 'grants', where: { role: 'clerk' } } })).toEqual(['a', 'b']);
    expect(ids({ ...all, some: { path: 'grants', where: { municipality: 'hamedan' } } })).toEqual(['a', 'c']);
    expect(
      ids({ ...all, some: { path: 'grants', where: { role: 'admin', municipality: 'tehran' } } }),
    ).toEqual([]);
    expect(ids({ ...all, some: { path: 'grants', where: { role: 'admin', municipality: null } } })).toEqual([
      'b',
    ]);
    expect(ids({ ...all, some: { path: 'grants', where: { role: undefined } } })).toEqual(['a', 'b', 'c']);
  });

  it('combines field and element filters, and counts all matches beyond the page', () => {
    const page = documents.list({
      where: { active: true },
      some: { path: 'grants', where: { municipality: 'hamedan' } },
      limit: 1,
      offset: 1,
    });
    expect(page).toEqual({ items: [people[2]], total: 2 });
  });

  it('refuses paths that are not plain JSON paths', () => {
    expect(() => ids({ ...all, some: { path: 'grants', where: { "role') OR 1=1 --": 'x' } } })).toThrow(
      /plain JSON path/,
    );
  });

  it('gets a document or throws the given error', () => {
    expect(documents.getOr('a', () => new Error('none'))).toEqual(people[0]);
    expect(() => documents.getOr('z', (id) => new Error(`no ${id}`))).toThrow('no z');
  });
});

interface Ranked {
  readonly id: string;
  readonly city: string;
  readonly rank?: number;
  readonly age: number;
}

describe('Documents paged by position (keyset)', () => {
  // Ties and missing values in the sort field, and ids that do not follow it.
  const ranked: { id: string; doc: Ranked }[] = Array.from({ length: 300 }, (_, i) => {
    const id = `r${String((i * 37) % 300).padStart(3, '0')}`;
    const doc = { id, city: i % 3 === 0 ? 'a' : 'b', age: i, ...(i % 7 === 0 ? {} : { rank: i % 13 }) };
    return { id, doc };
  });
  let readModels: ReadModelDatabase;
  let runs: QueryRun[];
  let documents: Documents<Ranked>;
  beforeAll(() => {
    ({ readModels, runs } = seededReadModels([
      [{ name: 'ranked', indexes: ['rank', ['city', 'rank']] }, ranked],
    ]));
    documents = new Documents<Ranked>(readModels, 'ranked');
  });
  afterAll(() => readModels.close());

  /** The ids of every page, each starting after the last of the one before. */
  function walk(query: Omit<ListQuery, 'limit'>): string[] {
    const seen: string[] = [];
    let after: Position | undefined;
    do {
      const page = documents.list({ ...query, limit: 7, ...(after ? { after } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((doc) => doc.id));
      after = page.next;
    } while (after);
    return seen;
  }

  it.each<[string, Omit<ListQuery, 'limit'>]>([
    ['by id', {}],
    ['ascending, missing values first', { orderBy: 'rank' }],
    ['descending, missing values last', { orderBy: 'rank', descending: true }],
    [
      'filtered, with alternatives and comparisons',
      {
        where: { city: 'b' },
        anyOf: [
          [{ rank: { op: '<', value: 4 } }, { age: { op: '>=', value: 250 } }],
          [{ rank: { op: '<>', value: 2 } }],
        ],
        orderBy: 'rank',
        descending: true,
      },
    ],
  ])('returns every document exactly once, in the list’s order: %s', (_, query) => {
    const whole = documents.list({ ...query, limit: 1_000 });
    const seen = walk(query);
    expect(seen).toEqual(whole.items.map((doc) => doc.id));
    expect(new Set(seen).size).toBe(whole.total);
    expect(whole.next).toBeUndefined();
  });

  it('matches nothing for an empty group of alternatives', () => {
    expect(documents.list({ anyOf: [[]], limit: 10 })).toEqual({ items: [], total: 0 });
  });

  it('reads one page’s rows for a page however deep, through an index in the list’s order', () => {
    const query = { where: { city: 'b' }, orderBy: 'rank' } as const;
    const whole = documents.list({ ...query, limit: 1_000 }).items;
    const last = whole.at(-6)!;
    runs.length = 0;
    const page = documents.list({ ...query, limit: 3, after: { key: last.rank ?? null, id: last.id } });
    expect(page.items.map((doc) => doc.id)).toEqual(whole.slice(-5, -2).map((doc) => doc.id));
    expect(page.total).toBe(whole.length);
    const [run] = runs;
    expect(runs).toHaveLength(1);
    expect(run!.rows).toBe(4);
    const plan = (
      readModels.db.prepare(`EXPLAIN QUERY PLAN ${run!.sql}`).all(...run!.values) as { detail: string }[]
    )
      .map((step) => step.detail)
      .join('\n');
    expect(plan).toMatch(/USING INDEX rm_ranked_city__rank/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
