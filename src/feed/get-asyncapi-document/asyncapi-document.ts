import type { JsonSchema, PublishedSchema } from '../schemas/event-schemas.js';

type Ref = { readonly $ref: string };
const ref = ($ref: string): Ref => ({ $ref });
const CLOUDEVENTS_JSON = 'application/cloudevents+json';

/** The CloudEvents 1.0 structured envelope every feed item, stream event and webhook body is. */
const CLOUD_EVENT: JsonSchema = {
  type: 'object',
  description: 'A CloudEvents 1.0 event in structured JSON mode; `data` is the event’s data.',
  required: ['specversion', 'id', 'source', 'type', 'time', 'subject', 'datacontenttype', 'data'],
  properties: {
    specversion: { type: 'string', const: '1.0' },
    id: { type: 'string', description: 'The event’s id (UUIDv7), the same wherever it is delivered.' },
    source: { type: 'string', description: '`/daftar/<municipality>/<category>`.' },
    type: { type: 'string', description: '`ir.daftar.<category>.<EventType>.v<version>`.' },
    time: { type: 'string', format: 'date-time', description: 'When the event was recorded (UTC).' },
    subject: { type: 'string', description: 'The stream, `<category>-<id>`.' },
    datacontenttype: { type: 'string', const: 'application/json' },
    dataschema: {
      type: 'string',
      format: 'uri-reference',
      description: 'The JSON Schema of `data`: `GET /feed/schemas/<type>`.',
    },
    daftarposition: {
      type: 'string',
      description: 'The event’s opaque position in the log: a cursor to resume after it.',
    },
    daftaractorrole: {
      type: 'string',
      description: 'The role the actor acted in (`clerk`, `system` …); never who.',
    },
    daftarleafindex: {
      type: 'integer',
      minimum: 0,
      description: 'The event’s leaf in the ledger (Merkle tree), once the ledger holds it.',
    },
  },
};

/** Standard Webhooks headers on every delivery. */
const WEBHOOK_HEADERS: JsonSchema = {
  type: 'object',
  required: ['webhook-id', 'webhook-timestamp', 'webhook-signature'],
  properties: {
    'webhook-id': {
      type: 'string',
      description: 'The delivery’s id, the same on every retry: receivers drop a repeated one.',
    },
    'webhook-timestamp': {
      type: 'string',
      pattern: '^[0-9]+$',
      description: 'Seconds since the Unix epoch when this attempt was signed; refuse old ones.',
    },
    'webhook-signature': {
      type: 'string',
      pattern: '^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$',
      description:
        'Space-separated `v1,<base64 HMAC-SHA256>` of `<webhook-id>.<webhook-timestamp>.<body>` under ' +
        'the endpoint’s `whsec_` secret (two while a rotated secret is still valid).',
    },
  },
};

const FEED_QUERY: JsonSchema = {
  type: 'object',
  properties: {
    after: {
      type: 'string',
      description: 'The cursor of the page before (`X-Next-Cursor`); absent: from the start.',
    },
    limit: { type: 'integer', minimum: 1, description: 'At most this many events.' },
    types: { type: 'string', description: 'Comma-separated event types.' },
    categories: { type: 'string', description: 'Comma-separated stream categories.' },
    municipality: { type: 'string', description: 'Only events of this municipality.' },
  },
};

/**
 * The AsyncAPI 3 document of the integrator feed: its three channels (pages of `GET /feed`, the
 * Server-Sent Events of `GET /feed/stream`, webhook deliveries) carry one message per public event
 * type, whose payload is a CloudEvent with that type's published data schema. Built from the same
 * published schemas `GET /feed/schemas/<type>` serves, so the two cannot drift apart.
 */
export function asyncApiDocument(schemas: readonly PublishedSchema[], publicUrl: string): JsonSchema {
  const url = new URL(publicUrl);
  const names = schemas.map((s) => s.type);
  const channelMessages = (suffix: string) =>
    Object.fromEntries(names.map((name) => [name, ref(`#/components/messages/${name}${suffix}`)]));
  const operationMessages = (channel: string) =>
    names.map((name) => ref(`#/channels/${channel}/messages/${name}`));
  return {
    asyncapi: '3.1.0',
    info: {
      title: 'Daftar integrator feed',
      version: '1.0.0',
      description:
        'Daftar’s events as CloudEvents 1.0, after the data policy: secrets never, personal data ' +
        'masked or left out without the `pii` scope. Every event is published in its type’s current ' +
        'version (older events are upcast), so one `type` always has one shape.',
    },
    defaultContentType: CLOUDEVENTS_JSON,
    servers: {
      daftar: {
        host: url.host,
        protocol: url.protocol.replace(/:$/, ''),
        ...(url.pathname === '/' ? {} : { pathname: url.pathname.replace(/\/$/, '') }),
        description: 'Integrators authenticate with an API key (`feed:read`) or a bearer token.',
      },
    },
    channels: {
      feed: {
        address: '/feed',
        title: 'Feed pages',
        description:
          '`GET /feed?after=&limit=&types=&categories=&municipality=` answers ' +
          '`application/cloudevents-batch+json`, an array of these events in log order; the next ' +
          'page’s cursor is in `Link: <…>; rel="next"` and `X-Next-Cursor`.',
        messages: channelMessages(''),
      },
      stream: {
        address: '/feed/stream',
        title: 'Live stream',
        description:
          '`GET /feed/stream` (`text/event-stream`): each Server-Sent Event’s `data:` is one of these ' +
          'events and its `id:` the cursor after it; reconnect with `Last-Event-ID` to resume without ' +
          'gap or duplicate. A comment every 15 s keeps the connection alive; a reader that falls ' +
          'behind is disconnected with a message naming where to resume.',
        messages: channelMessages(''),
      },
      webhook: {
        address: null,
        title: 'Webhook deliveries',
        description:
          'POSTed to the https URL registered with `POST /webhooks`, one event a request, in order per ' +
          'stream, signed by the Standard Webhooks scheme; retried with exponential backoff for 24 hours.',
        messages: channelMessages('Webhook'),
      },
    },
    operations: {
      readFeed: {
        action: 'send',
        channel: ref('#/channels/feed'),
        summary: 'Pages of events, read with GET /feed',
        bindings: { http: { method: 'GET', query: FEED_QUERY } },
        messages: operationMessages('feed'),
      },
      streamFeed: {
        action: 'send',
        channel: ref('#/channels/stream'),
        summary: 'Events as they happen, as Server-Sent Events of GET /feed/stream',
        bindings: { http: { method: 'GET' } },
        messages: operationMessages('stream'),
      },
      deliverWebhook: {
        action: 'send',
        channel: ref('#/channels/webhook'),
        summary: 'Events POSTed to a registered endpoint',
        bindings: { http: { method: 'POST' } },
        messages: operationMessages('webhook'),
      },
    },
    components: {
      schemas: {
        CloudEvent: CLOUD_EVENT,
        StandardWebhookHeaders: WEBHOOK_HEADERS,
        ...Object.fromEntries(schemas.map((s) => [`${s.type}Data`, withoutDialect(s.schema)])),
      },
      messageTraits: {
        standardWebhook: { headers: ref('#/components/schemas/StandardWebhookHeaders') },
      },
      messages: Object.fromEntries(
        schemas.flatMap((s) => [
          [s.type, message(s)],
          [
            `${s.type}Webhook`,
            { ...message(s), traits: [ref('#/components/messageTraits/standardWebhook')] },
          ],
        ]),
      ),
    },
  };
}

function message(s: PublishedSchema): JsonSchema {
  return {
    name: s.cloudEventsType,
    title: `${s.type} v${s.version}`,
    contentType: CLOUDEVENTS_JSON,
    payload: {
      allOf: [
        ref('#/components/schemas/CloudEvent'),
        {
          type: 'object',
          properties: {
            type: { type: 'string', const: s.cloudEventsType },
            data: ref(`#/components/schemas/${s.type}Data`),
          },
        },
      ],
    },
  };
}

/** The schema as AsyncAPI embeds it: its dialect is the document's. */
function withoutDialect({ $schema: _, ...schema }: JsonSchema): JsonSchema {
  return schema;
}
