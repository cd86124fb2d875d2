import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

describe('text that is not well-formed, or carries control characters, is refused', () => {
  let t: TestApp;
  let citizen: string;
  const head = () => t.app.get<EventStore>(EVENT_STORE).headPosition();

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    citizen = await signIn(t.app, 'citizen', DEMO_PASSWORD);
  }, 60_000);
  afterAll(() => t.close());

  const registration = (fullName: string) => ({
    nationalId: '0084575948',
    mobile: '09121234567',
    fullName,
    password: 'a-long-enough-password',
  });

  it.each([
    ['a lone surrogate', '/auth/register', registration('Ali \ud800'), 'fullName', 'lone_surrogate'],
    ['a control character', '/auth/register', registration('Ali\u0000'), 'fullName', 'control_character'],
    [
      'a line break in a name',
      '/auth/register',
      registration('Ali\nRezaei'),
      'fullName',
      'control_character',
    ],
    [
      'a lone surrogate in a permit',
      '/permits',
      { renewalCode: '1-1-1-1-0-0-0\udc00', applicationType: 'NewConstruction' },
      'renewalCode',
      'lone_surrogate',
    ],
    [
      'an escape character in a permit',
      '/permits',
      { renewalCode: '1-1-1-1-0-0-0', applicationType: 'New\u001bConstruction' },
      'applicationType',
      'control_character',
    ],
  ])('answers %s with 400 REQUEST.INVALID_TEXT and appends nothing', async (_, url, body, field, problem) => {
    const before = await head();
    const res = await call(t.app, 'POST', url, { token: citizen, body });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'REQUEST.INVALID_TEXT', details: { field, problem } });
    expect(await head()).toBe(before);
  });

  it('refuses a body that is not UTF-8, and a control character in a path parameter', async () => {
    const bytes = Buffer.concat([
      Buffer.from('{"renewalCode":"1-1-1-1-0-0-0","applicationType":"'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]);
    const raw = await t.app.inject({
      method: 'POST',
      url: '/permits',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/json' },
      payload: bytes,
    });
    expect(raw.statusCode).toBe(400);
    expect(raw.json().code).toBe('REQUEST.INVALID_TEXT');
    const path = await call(t.app, 'GET', '/permits/abc%00def', { token: citizen });
    expect(path.statusCode).toBe(400);
    expect(path.json()).toMatchObject({ code: 'REQUEST.INVALID_TEXT', details: { field: 'id' } });
  });

  // Found by the HTTP fuzz (test/fuzz): thousands of levels overflowed the validators' stack, a 500.
  it.each([
    [
      'a field nested 3,000 levels deep',
      JSON.stringify({ renewalCode: nested(3_000), applicationType: 'NewConstruction' }),
    ],
    ['100,000 nested arrays', '['.repeat(100_000) + ']'.repeat(100_000)],
  ])('refuses %s with 400 REQUEST.TOO_DEEP and appends nothing', async (_, payload) => {
    const before = await head();
    const res = await t.app.inject({
      method: 'POST',
      url: '/permits',
      headers: { authorization: `Bearer ${citizen}`, 'content-type': 'application/json' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('REQUEST.TOO_DEEP');
    expect(await head()).toBe(before);
  });

  it('keeps line breaks in free text, where a person writes several lines', async () => {
    const clerk = await signIn(t.app, 'clerk', DEMO_PASSWORD);
    const res = await call(t.app, 'POST', '/parcels/1-1-1-3-0-0-0/ownership', {
      token: clerk,
      body: {
        owners: [{ nationalId: '0013542419', name: 'زهرا احمدی', sharePct: 100 }],
        reason: 'deed 4512\r\nof notary office 12',
      },
    });
    expect(res.statusCode).toBe(201);
  });
});

function nested(depth: number): unknown {
  let value: unknown = '1-1-1-1-0-0-0';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}
