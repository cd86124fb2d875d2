import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { DaftarEvent } from '../../../projections/daftar-events.js';
import { clearedAutomatically, filed, referred } from '../../inquiries/inquiry.fixtures.js';
import { events, variant } from '../../permits/permit.fixtures.js';
import { applyPolicy } from '../policy/apply-policy.js';
import { PUBLISHED_TYPES } from '../policy/event-policies.js';
import generated from './event-schemas.generated.json' with { type: 'json' };
import { PUBLISHED_SCHEMAS, published, publishedSchemaNamed, type JsonSchema } from './event-schemas.js';

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = (schema: JsonSchema, data: unknown) => {
  const check = ajv.compile(schema);
  return check(data) ? [] : check.errors!.map((e) => `${e.instancePath} ${e.message}`);
};
const schemaOf = (type: DaftarEvent['type']) => PUBLISHED_SCHEMAS.get(type)!.schema;

const REAL: readonly DaftarEvent[] = [
  ...Object.values(events),
  ...Object.values(variant).flat(),
  filed,
  referred,
  clearedAutomatically,
];

describe('the published JSON Schemas of event data', () => {
  it('has one for every published event type, and none for the types the feed keeps back', () => {
    expect([...PUBLISHED_SCHEMAS.keys()].sort()).toEqual([...PUBLISHED_TYPES].sort());
    expect(PUBLISHED_SCHEMAS.has('UserCreated')).toBe(false);
  });

  it('accepts the data of real events, as the feed publishes them with and without the pii scope', () => {
    const types = new Set(REAL.map((e) => e.type));
    expect(types.size).toBeGreaterThanOrEqual(15);
    const failures = REAL.flatMap((event) =>
      [[], ['permit', 'inquiry']].flatMap((pii) => {
        const data = applyPolicy(event, { pii });
        return validate(schemaOf(event.type), data).map((error) => `${event.type} ${error}`);
      }),
    );
    expect(failures).toEqual([]);
  });

  it('refuses data of the wrong shape: a missing field, a wrong value, a field the type does not have', () => {
    const opened = events.opened.data;
    const { permitId: _, ...withoutId } = opened;
    const schema = schemaOf('PermitDraftOpened');
    expect(validate(schema, withoutId)).toEqual([" must have required property 'permitId'"]);
    expect(validate(schema, { ...opened, applicationType: 'Castle' })).toEqual([
      '/applicationType must be equal to one of the allowed values',
    ]);
    expect(validate(schema, { ...opened, passwordHash: 'scrypt$…' })).toEqual([
      ' must NOT have additional properties',
    ]);
    expect(validate(schemaOf('InquiryAnswered'), { ...clearedAutomatically.data, outcome: 1 })).toEqual(
      expect.arrayContaining(['/outcome must be string']),
    );
  });

  it('describes personal fields as masked or left out without the pii scope, and requires none of them', () => {
    const opened = schemaOf('PermitDraftOpened') as {
      properties: Record<string, { type: string; description: string }>;
      required: string[];
    };
    expect(opened.properties['applicantNationalId']).toEqual({
      type: 'string',
      description: expect.stringMatching(/masked unless the reader holds the `pii` scope of permit/),
    });
    expect(opened.required).not.toContain('applicantNationalId');
    expect(opened.required).toContain('renewalCode');
    const taken = schemaOf('PermitTaken') as { properties: Record<string, { description: string }> };
    expect(taken.properties['clerkId']!.description).toMatch(/a user id, left out unless/);
  });

  it('describes a file’s tracking number as left out without the pii scope, in a document’s body too', () => {
    const opened = schemaOf('PermitDraftOpened') as { properties: Record<string, { description: string }> };
    expect(opened.properties['trackingNumber']!.description).toMatch(/tracking number .*left out unless/);
    const issued = schemaOf('DocumentIssued') as {
      properties: {
        content: { properties: { body: { properties: Record<string, { description: string }> } } };
      };
    };
    const { body } = issued.properties.content.properties;
    expect(body.properties['trackingNumber']!.description).toMatch(/left out unless .* scope of document/);
  });

  it('never publishes a secret field, even for a type published by mistake', () => {
    const { schema } = published('UserCreated', generated, {
      published: true,
      category: 'user',
      personal: { nationalId: 'nationalId', mobile: 'mobile' },
    });
    const { properties, required } = schema as { properties: object; required: string[] };
    expect(Object.keys(properties)).not.toContain('passwordHash');
    expect(required).not.toContain('passwordHash');
    expect(validate(schema, { userId: 'u', passwordHash: 'scrypt$…' })).toContain(
      ' must NOT have additional properties',
    );
  });

  it('refuses a policy naming a field the type does not have, rather than publish a wrong schema', () => {
    const policy = { published: true, category: 'permit', personal: { applicantMobile: 'mobile' } } as const;
    expect(() => published('PermitDraftOpened', generated, policy)).toThrow(/applicantMobile/);
  });

  it.each([
    ['ir.daftar.permit.PermitDraftOpened.v1', 'PermitDraftOpened'],
    ['PermitDraftOpened.v1', 'PermitDraftOpened'],
    ['ParcelRegistered', 'ParcelRegistered'],
    ['ir.daftar.parcel.PermitDraftOpened.v1', undefined],
    ['ir.daftar.permit.PermitDraftOpened', undefined],
    ['PermitDraftOpened.v2', undefined],
    ['UserCreated', undefined],
    ['Nothing', undefined],
    ['../../etc/passwd', undefined],
  ])('finds %s as %s', (name, type) => {
    expect(publishedSchemaNamed(name)?.type).toBe(type);
  });
});
