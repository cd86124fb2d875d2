import { Documents } from './documents.js';
import { ReadModelDatabase } from './read-model-database.js';

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
