import type { DaftarEventType } from '../../../projections/daftar-events.js';
import { deepFreeze } from '../../shared/deep-freeze.js';
import {
  policyOf,
  PUBLISHED_TYPES,
  secretPathsOf,
  type DataPath,
  type EventPolicy,
  type PersonalKind,
} from '../policy/event-policies.js';
import { cloudEventType } from '../cloud-event.js';
import { currentVersion } from '../upcasting/upcast.js';
import generated from './event-schemas.generated.json' with { type: 'json' };

export type JsonSchema = { readonly [keyword: string]: unknown };
/** The schema of each event type's `data`, by type, as `npm run schemas` generates them. */
export type EventSchemas = { readonly [type: string]: JsonSchema };

/** What one public event type looks like on the feed: its CloudEvents type and its data's schema. */
export interface PublishedSchema {
  readonly type: DaftarEventType;
  readonly version: number;
  /** `ir.daftar.<category>.<EventType>.v<version>`. */
  readonly cloudEventsType: string;
  readonly schema: JsonSchema;
}

const DATA_SCHEMAS: EventSchemas = deepFreeze(generated);

const PERSONAL: { readonly [kind in PersonalKind]: string } = {
  nationalId: 'a national id (کد ملی), masked',
  mobile: 'a mobile number, masked',
  name: 'a name, masked',
  address: 'an address, left out',
  userId: 'a user id, left out',
  digest: 'a digest or signature over personal data, left out',
  trackingNumber:
    'a tracking number (کد رهگیری), which with the owner’s mobile opens the file’s status, left out',
};

/**
 * The published schema of each public event type, in its current version: the generated schema with the
 * secrets the policy never lets out removed, and the personal fields described (and no longer required)
 * as the policy masks or removes them for a reader without the `pii` scope of the category.
 */
export const PUBLISHED_SCHEMAS: ReadonlyMap<DaftarEventType, PublishedSchema> = new Map(
  PUBLISHED_TYPES.map((type) => [type, deepFreeze(published(type, DATA_SCHEMAS))]),
);

/**
 * The public event type a name denotes: its CloudEvents type (`ir.daftar.permit.PermitIssued.v1`), or
 * the event type with or without its version (`PermitIssued.v1`, `PermitIssued`). Only the current
 * version has a schema: the feed publishes every event upcast to it.
 */
export function publishedSchemaNamed(name: string): PublishedSchema | undefined {
  const match = /^(?:ir\.daftar\.([a-z][a-z0-9]*)\.)?([A-Z][A-Za-z0-9]*)(?:\.v(\d{1,9}))?$/.exec(name);
  if (!match) return undefined;
  const [, category, type, version] = match;
  const schema = PUBLISHED_SCHEMAS.get(type as DaftarEventType);
  if (!schema || (version !== undefined && Number(version) !== schema.version)) return undefined;
  if (category !== undefined && (version === undefined || schema.cloudEventsType !== name)) return undefined;
  return schema;
}

/** One type's published schema; the policy is a parameter for specs of types the feed keeps back. */
export function published(
  type: DaftarEventType,
  schemas: EventSchemas,
  policy: EventPolicy | undefined = policyOf(type),
): PublishedSchema {
  const data = schemas[type];
  if (!policy?.published) throw new Error(`${type} is not a published event type`);
  if (!data) throw new Error(`${type} has no generated schema: run \`npm run schemas\``);
  const version = currentVersion(type);
  const cloudEventsType = cloudEventType(policy.category, type, version);
  const schema = structuredClone(data) as Node;
  for (const path of secretPathsOf(type)) at(schema, path, leaveOut, type);
  for (const [path, kind] of Object.entries(policy.personal)) {
    const note = `Personal data: ${PERSONAL[kind]} unless the reader holds the \`pii\` scope of ${policy.category}.`;
    at(schema, path, noted(note), type);
  }
  for (const path of policy.view?.omits ?? []) {
    at(
      schema,
      path,
      noted('Left out where the reader may not know it (an organisation’s own inquiries).'),
      type,
    );
  }
  return {
    type,
    version,
    cloudEventsType,
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: `${type} v${version}`,
      ...schema,
      description: [data['description'], `The data of ${cloudEventsType} events.`].filter(Boolean).join(' '),
    },
  };
}

type Node = Record<string, unknown>;
type Change = (holder: Node, key: string) => void;

function leaveOut(holder: Node, key: string): void {
  delete (holder['properties'] as Node)[key];
  notRequired(holder, key);
}

function noted(note: string): Change {
  return (holder, key) => {
    const field = (holder['properties'] as Record<string, Node>)[key]!;
    field['description'] = [field['description'], note].filter(Boolean).join(' ');
    notRequired(holder, key);
  };
}

function notRequired(holder: Node, key: string): void {
  const required = holder['required'] as string[] | undefined;
  if (required) holder['required'] = required.filter((name) => name !== key);
}

/** Applies `change` where the policy's path (`owners[].nationalId`) ends, through lists and unions. */
function at(schema: Node, path: DataPath, change: Change, type: string): void {
  if (reach(schema, path.replaceAll('[]', '.[]').split('.'), change) === 0)
    throw new Error(`${type}: the policy names ${path}, which its schema does not have`);
}

function reach(schema: Node, path: readonly string[], change: Change): number {
  const branches = (schema['anyOf'] as Node[] | undefined) ?? [];
  return branches.reduce((sum, branch) => sum + reach(branch, path, change), here(schema, path, change));
}

function here(schema: Node, [head, ...rest]: readonly string[], change: Change): number {
  if (head === '[]') return schema['items'] ? reach(schema['items'] as Node, rest, change) : 0;
  // An open object (a document's body, one shape per kind) may hold the field unnamed: named to be described.
  if (rest.length === 0 && isOpen(schema))
    schema['properties'] = { [head!]: {}, ...(schema['properties'] as Node | undefined) };
  const field = (schema['properties'] as Record<string, Node> | undefined)?.[head!];
  if (!field) return 0;
  if (rest.length > 0) return reach(field, rest, change);
  change(schema, head!);
  return 1;
}

function isOpen(schema: Node): boolean {
  const more = schema['additionalProperties'];
  return schema['type'] === 'object' && more !== undefined && more !== false;
}
