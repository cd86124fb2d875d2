import {
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../src/identity/organisations/organisation.events.js';
import { API_KEY_ROLE_OF_KIND } from '../../src/identity/organisations/organisation-roles.js';
import { MUNICIPAL_ROLES, ORGANISATION_ROLES, ROLES, type Role } from '../../src/identity/roles.js';

/** What a route's `x-daftar-access` in /openapi.json says. */
export type Access = { public?: true; authenticated?: true; roles?: Role[]; permission?: string };
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OpenApi {
  paths: Record<
    string,
    Record<string, { 'x-daftar-access'?: Access; responses?: Record<string, { content?: object }> }>
  >;
}

/** One row of docs/access.md, every cell as text. */
export interface AccessRow {
  readonly route: string;
  readonly callers: string;
  readonly apiKeys: string;
  readonly records: string;
}

const COLUMNS = ['route', 'callers', 'apiKeys', 'records'] as const;
const HEADINGS = ['route', 'who may call it', 'API keys: permission (organisation kinds)', 'records'];

export const ACCESS_TABLE_HEADER = `# Access table

Who may call each route, which API keys, and which records the callers reach. This file is reviewed: it
is edited deliberately, never to make a test pass. \`test/identity/authorization-matrix.e2e.spec.ts\`
compares it with the policies the routes declare (\`x-daftar-access\` in \`/openapi.json\`) and fails on
any difference, so widening a route shows in review as a change here. To take a deliberate change, run
that spec with \`DAFTAR_WRITE_ACCESS_TABLE=true\`, format with Prettier, and review the diff.

The same spec reads every route Fastify answers from its route tree: each is in \`/openapi.json\`, so in
this table, except the API's own documentation, public by design (\`GET /docs\` and the files under it,
\`GET /openapi.json\`, \`GET /openapi.yaml\`). A route hidden from the documentation, or registered on
Fastify past Nest's guards, fails it.

- **who may call it**: \`anyone\`, \`any signed-in caller\` (people and API keys), or the roles.
- **API keys**: the permission a key must hold, and the kinds of organisation whose keys act in one of
  the route's roles (a key acts in its organisation's role; an engineering organisation gets no keys).
  \`none\`: keys are refused with 403.
- **records**: what the roles reach under the one record rule (\`src/identity/record-access.ts\`), derived
  from the roles (the per-record checks live in each handler, and each municipality's records are held by
  \`test/municipality-scope/\`, which fails when a handler drops its check):
  \`own\` (a citizen's own records, or a counter office's for the citizen who consented), \`municipality\`
  (staff: their municipality, within their regions), \`organisation\` (what the organisation filed),
  \`engineer's files\` (awaiting a design or designed by them), \`admin\` (administration, unscoped).
  Records out of reach answer 404, like missing ones.
`;

/** One row per route, as its live policy says. */
export function accessRows(spec: OpenApi): AccessRow[] {
  return Object.entries(spec.paths)
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) =>
        rowOf(`${method.toUpperCase()} ${path}`, operation['x-daftar-access']),
      ),
    )
    .sort((a, b) => compareRoutes(a.route, b.route));
}

function rowOf(route: string, access: Access | undefined): AccessRow {
  if (!access) return { route, callers: 'undeclared', apiKeys: 'undeclared', records: 'undeclared' };
  if (access.public) return { route, callers: 'anyone', apiKeys: 'any', records: 'public' };
  if (access.authenticated)
    return { route, callers: 'any signed-in caller', apiKeys: 'any', records: "the caller's own" };
  const roles = ROLES.filter((role) => access.roles?.includes(role));
  return {
    route,
    callers: roles.join(', '),
    apiKeys: keysOf(roles, access.permission),
    records: reach(roles),
  };
}

function keysOf(roles: readonly Role[], permission: string | undefined): string {
  if (!permission) return 'none';
  const kinds = keyKinds(roles);
  return `${permission} (${kinds.length ? kinds.join(', ') : 'no kind'})`;
}

/** The organisation kinds whose API keys act in one of `roles`. */
export function keyKinds(roles: readonly Role[]): OrganisationKind[] {
  return ORGANISATION_KINDS.filter((kind) => {
    const role = API_KEY_ROLE_OF_KIND[kind];
    return role !== undefined && roles.includes(role);
  });
}

function reach(roles: readonly Role[]): string {
  const scopes = [
    roles.some((r) => r === 'citizen' || r === 'counter_office') && 'own',
    roles.some((r) => MUNICIPAL_ROLES.includes(r)) && 'municipality',
    roles.some((r) => ORGANISATION_ROLES.includes(r) && r !== 'counter_office' && r !== 'engineer') &&
      'organisation',
    roles.includes('engineer') && "engineer's files",
    roles.includes('admin') && 'admin',
  ];
  return scopes.filter(Boolean).join(', ');
}

/** By path, then method: a resource's routes stay together. */
function compareRoutes(a: string, b: string): number {
  const [methodA = '', pathA = ''] = a.split(' ');
  const [methodB = '', pathB = ''] = b.split(' ');
  return pathA < pathB ? -1 : pathA > pathB ? 1 : methodA < methodB ? -1 : methodA > methodB ? 1 : 0;
}

export function renderAccessTable(rows: readonly AccessRow[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    ACCESS_TABLE_HEADER,
    line(HEADINGS),
    line(HEADINGS.map(() => '---')),
    ...rows.map((row) =>
      line(COLUMNS.map((column) => (column === 'route' ? `\`${row.route}\`` : row[column]))),
    ),
    '',
  ].join('\n');
}

/** The table's rows, whatever the padding Prettier gives them. */
export function parseAccessTable(markdown: string): AccessRow[] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) => {
      const cells = line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim());
      return {
        route: cells[0]!.replace(/^`|`$/g, ''),
        callers: cells[1]!,
        apiKeys: cells[2]!,
        records: cells[3]!,
      };
    });
}

/** Every difference between the reviewed table and the live policies, one message per route. */
export function accessDifferences(reviewed: readonly AccessRow[], live: readonly AccessRow[]): string[] {
  const byRoute = (rows: readonly AccessRow[]) => new Map(rows.map((row) => [row.route, row]));
  const table = byRoute(reviewed);
  const routes = byRoute(live);
  const missing = live
    .filter((row) => !table.has(row.route))
    .map((row) => `${row.route}: a route with no row in docs/access.md (${row.callers})`);
  const stale = reviewed
    .filter((row) => !routes.has(row.route))
    .map((row) => `${row.route}: a row in docs/access.md for no route`);
  const changed = live.flatMap((row) => {
    const expected = table.get(row.route);
    if (!expected) return [];
    return COLUMNS.filter((column) => expected[column] !== row[column]).map(
      (column) =>
        `${row.route}: ${column} is "${row[column]}", docs/access.md says "${expected[column]}"${listChange(expected[column], row[column])}`,
    );
  });
  return [...missing, ...stale, ...changed];
}

/** For lists of names, what was added and removed. */
function listChange(before: string, after: string): string {
  const names = (text: string) => text.split(/,\s*|\s+\(|\)/).filter(Boolean);
  const added = names(after).filter((name) => !names(before).includes(name));
  const removed = names(before).filter((name) => !names(after).includes(name));
  const parts = [
    added.length && `added ${added.join(', ')}`,
    removed.length && `removed ${removed.join(', ')}`,
  ];
  const said = parts.filter(Boolean).join('; ');
  return said ? ` (${said})` : '';
}
