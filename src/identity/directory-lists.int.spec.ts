import { apiKeysProjection } from '../../projections/api-keys/api-keys.projection.js';
import { municipalitiesProjection } from '../../projections/municipalities/municipalities.projection.js';
import { organisationsProjection } from '../../projections/organisations/organisations.projection.js';
import type { AnyProjection } from '../../projections/projection.js';
import { usersProjection } from '../../projections/users/users.projection.js';
import {
  mostRowsLoaded,
  pageThrough,
  seededReadModels,
  type QueryRun,
} from '../event-store/subscriptions/read-model.fixtures.js';
import type { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import { PaginationQueryDto, type PageResponse } from '../shared/http/pagination.js';
import { ApiKeysReadModel } from './api-keys/api-keys.read-model.js';
import { ListApiKeysHandler } from './api-keys/get-api-keys/list-api-keys.handler.js';
import { ListApiKeysQuery } from './api-keys/get-api-keys/list-api-keys.query.js';
import { GetApiKeysQueryDto } from './api-keys/get-api-keys/get-api-keys.request.dto.js';
import { ListMunicipalitiesHandler } from './municipalities/get-municipalities/list-municipalities.handler.js';
import { ListMunicipalitiesQuery } from './municipalities/get-municipalities/list-municipalities.query.js';
import { MunicipalitiesReadModel } from './municipalities/municipalities.read-model.js';
import { ListOrganisationsHandler } from './organisations/get-organisations/list-organisations.handler.js';
import { ListOrganisationsQuery } from './organisations/get-organisations/list-organisations.query.js';
import { GetOrganisationsQueryDto } from './organisations/get-organisations/get-organisations.request.dto.js';
import { OrganisationsReadModel } from './organisations/organisations.read-model.js';
import { ListUsersHandler } from './users/get-users/list-users.handler.js';
import { ListUsersQuery } from './users/get-users/list-users.query.js';
import { GetUsersQueryDto } from './users/get-users/get-users.request.dto.js';
import { UsersReadModel } from './users/users.read-model.js';
import { Caller } from './auth/caller.decorator.js';
import { RecordedReads } from '../../test/support/recorded-reads.js';

const admin = new Caller(
  {
    kind: 'user',
    id: 'user-admin',
    displayName: 'admin',
    grants: [{ role: 'admin' }],
    authenticatedBy: 'password_token',
  },
  { role: 'admin' },
  'request-1',
  'correlation-1',
  '2026-01-01T00:00:00.000Z',
);

const COUNT = 130;
const n = (i: number) => String((i * 31) % COUNT).padStart(3, '0');
const at = (i: number) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + (i % 10) * 60_000).toISOString();

const seed = (make: (i: number) => { id: string } & Record<string, unknown>) =>
  Array.from({ length: COUNT }, (_, i) => make(i)).map((doc) => ({ id: doc.id, doc }));

const users = seed((i) => ({
  id: `user-${n(i)}`,
  userId: `user-${n(i)}`,
  // Usernames out of id order, to show the list follows the username.
  username: `u${String(COUNT - i).padStart(3, '0')}`,
  displayName: 'someone',
  nationalId: null,
  mobile: null,
  grants: [{ role: 'clerk', municipality: i % 2 ? 'hamedan' : 'tehran' }],
  disabled: false,
  origin: 'admin',
  createdAt: at(i),
  updatedAt: at(i),
}));
const municipalities = seed((i) => ({
  id: `m${n(i)}`,
  code: `m${n(i)}`,
  name: 'M',
  nameFa: 'م',
  regions: [],
}));
const organisations = seed((i) => ({
  id: `org-${n(i)}`,
  kind: 'notary',
  name: 'O',
  municipality: 'hamedan',
}));
const apiKeys = seed((i) => ({
  id: `key${n(i)}`,
  keyId: `key${n(i)}`,
  label: 'k',
  organisation: i % 3 ? 'notary-12' : 'bank-3',
  role: 'notary',
  permissions: [],
  revoked: false,
  issuedAt: at(i),
  issuedBy: 'user-admin',
  revokedAt: null,
  revokedReason: null,
}));

const ids = (docs: readonly { id: string }[]) => docs.map((d) => d.id);
const sortedBy = (docs: { id: string; doc: Record<string, unknown> }[], field: string) =>
  [...docs]
    .sort((a, b) => String(a.doc[field]).localeCompare(String(b.doc[field])) || a.id.localeCompare(b.id))
    .map((d) => d.id);

describe('the directory lists over a real read model', () => {
  let readModels: ReadModelDatabase;
  let runs: QueryRun[];
  let lists: Record<string, (cursor: string | undefined) => PageResponse<{ id: string }>>;
  const seeds: [AnyProjection, typeof users][] = [
    [usersProjection as AnyProjection, users],
    [municipalitiesProjection as AnyProjection, municipalities],
    [organisationsProjection as AnyProjection, organisations],
    [apiKeysProjection as AnyProjection, apiKeys],
  ];

  beforeAll(() => {
    ({ readModels, runs } = seededReadModels(seeds));
    const query = <Q extends object>(dto: new () => Q, cursor: string | undefined, given: Partial<Q>) =>
      Object.assign(new dto(), { pageSize: 9, ...(cursor ? { cursor } : {}), ...given });
    const named = <T>(page: PageResponse<T>, id: (item: T) => string) => ({
      ...page,
      items: page.items.map((item) => ({ id: id(item) })),
    });
    const usersList = new ListUsersHandler(new UsersReadModel(readModels), new RecordedReads());
    const municipalitiesList = new ListMunicipalitiesHandler(new MunicipalitiesReadModel(readModels));
    const organisationsList = new ListOrganisationsHandler(new OrganisationsReadModel(readModels));
    const apiKeysList = new ListApiKeysHandler(new ApiKeysReadModel(readModels));
    lists = {
      users: (c) =>
        named(
          usersList.page(new ListUsersQuery(query(GetUsersQueryDto, c, { municipality: 'hamedan' }), admin)),
          (u) => u.userId,
        ),
      municipalities: (c) =>
        named(
          municipalitiesList.page(new ListMunicipalitiesQuery(query(PaginationQueryDto, c, {}))),
          (m) => m.code,
        ),
      organisations: (c) =>
        named(
          organisationsList.page(new ListOrganisationsQuery(query(GetOrganisationsQueryDto, c, {}))),
          (o) => o.id,
        ),
      apiKeys: (c) =>
        named(
          apiKeysList.page(new ListApiKeysQuery(query(GetApiKeysQueryDto, c, { organisation: 'notary-12' }))),
          (k) => k.keyId,
        ),
    };
  });
  afterAll(() => readModels.close());

  it.each([
    [
      'users',
      () =>
        sortedBy(
          users.filter((u) => users.indexOf(u) % 2),
          'username',
        ),
    ],
    ['municipalities', () => ids(municipalities).sort()],
    ['organisations', () => ids(organisations).sort()],
    [
      'apiKeys',
      () =>
        sortedBy(
          apiKeys.filter((k) => k.doc.organisation === 'notary-12'),
          'issuedAt',
        ),
    ],
  ])('pages through every one of %s once, in order, a page of rows at a time', (name, expected) => {
    runs.length = 0;
    const { items } = pageThrough(lists[name]!);
    expect(ids(items)).toEqual(expected());
    expect(mostRowsLoaded(runs)).toBeLessThanOrEqual(10);
  });
});
