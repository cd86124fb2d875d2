import { Parser } from '@asyncapi/parser';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { events } from '../../src/permits/permit.fixtures.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Doc = {
  channels: Record<string, { messages: Record<string, unknown> }>;
  components: { messages: Record<string, { name: string; payload: unknown }> };
};
const errorsOf = async (document: unknown) =>
  (await new Parser().parse(document as never)).diagnostics
    .filter((d) => d.severity === 0)
    .map((d) => `${d.path.join('.')}: ${d.message}`);

describe('the feed described for machines', () => {
  let t: TestApp;
  let document: Doc;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/asyncapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    document = res.json();
  }, 60_000);
  afterAll(() => t.close());

  it('GET /asyncapi.json is a valid AsyncAPI 3 document by @asyncapi/parser', async () => {
    expect(await errorsOf(document)).toEqual([]);
  });

  it('fails that validation when broken, e.g. a message’s data schema is missing', async () => {
    const broken = structuredClone(document) as Doc & { components: { schemas: Record<string, unknown> } };
    delete broken.components.schemas['PermitIssuedData'];
    expect((await errorsOf(broken)).join('\n')).toMatch(/PermitIssuedData/);
  });

  it('describes the feed, its stream and webhooks, one message per public event type on each', () => {
    expect(Object.keys(document.channels).sort()).toEqual(['feed', 'stream', 'webhook']);
    const feedTypes = Object.keys(document.channels['feed']!.messages);
    expect(feedTypes).toContain('PermitDraftOpened');
    expect(feedTypes).not.toContain('UserCreated');
    expect(Object.keys(document.channels['webhook']!.messages)).toHaveLength(feedTypes.length);
    expect(document.components.messages['PermitDraftOpened']!.name).toBe(
      'ir.daftar.permit.PermitDraftOpened.v1',
    );
  });

  it('serves the schema it names, by CloudEvents type or event type, as application/schema+json', async () => {
    const byCloudEventsType = await t.app.inject({
      method: 'GET',
      url: '/feed/schemas/ir.daftar.permit.PermitDraftOpened.v1',
    });
    expect(byCloudEventsType.statusCode).toBe(200);
    expect(byCloudEventsType.headers['content-type']).toMatch(/^application\/schema\+json/);
    const byName = await t.app.inject({ method: 'GET', url: '/feed/schemas/PermitDraftOpened' });
    expect(byName.json()).toEqual(byCloudEventsType.json());

    const ajv = new Ajv({ strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(byName.json());
    expect(validate(events.opened.data)).toBe(true);
    expect(validate({ ...events.opened.data, applicationType: 'Castle' })).toBe(false);
  });

  it.each(['UserCreated', 'ir.daftar.permit.PermitDraftOpened.v2', 'NoSuchEvent'])(
    'answers 404 FEED.UNKNOWN_SCHEMA for %s',
    async (name) => {
      const res = await t.app.inject({ method: 'GET', url: `/feed/schemas/${name}` });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'FEED.UNKNOWN_SCHEMA' });
    },
  );
});
