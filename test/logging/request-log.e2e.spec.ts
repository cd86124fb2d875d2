import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { consentFor } from '../support/citizens.js';
import { call, signIn } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

const OWNER = '0013542419';
const PARCEL = '1-1-1-1-0-0-0';

interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

describe('the request log: one line per request', () => {
  const lines: LogLine[] = [];
  let t: TestApp;
  let counter: string;
  beforeAll(async () => {
    t = await startTestApp({
      env: { DAFTAR_DEMO_DATA: 'true', LOG_LEVEL: 'info' },
      logTo: { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) },
    });
    await untilReady(t.app);
    counter = await signIn(t.app, 'counter_office', DEMO_PASSWORD);
  }, 120_000);
  afterAll(() => t.close());

  const linesOf = (requestId: string) => lines.filter((line) => line['reqId'] === requestId);

  it('logs a request once, at info, with method, url, status, time and request id', async () => {
    const res = await call(t.app, 'GET', '/health', { headers: { 'x-request-id': 'log-test-1' } });
    expect(res.headers['x-request-id']).toBe('log-test-1');
    expect(linesOf('log-test-1')).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        method: 'GET',
        url: '/health',
        statusCode: res.statusCode,
        responseTime: expect.any(Number),
      }),
    ]);
  });

  it('names the consent when a counter office acts for a citizen', async () => {
    const consentId = await consentFor(t.app, counter, OWNER);
    const res = await call(t.app, 'GET', `/parcels/${PARCEL}`, {
      token: counter,
      headers: { 'x-on-behalf-of': OWNER, 'x-request-id': 'log-test-2' },
    });
    expect(res.statusCode).toBe(200);
    expect(linesOf('log-test-2')).toEqual([
      expect.objectContaining({ consent: consentId, statusCode: 200, url: `/parcels/${PARCEL}` }),
    ]);
  });

  it('keeps national ids out of the logged URL', async () => {
    const oversight = await signIn(t.app, 'oversight', DEMO_PASSWORD);
    const res = await call(t.app, 'GET', `/audit/events?nationalId=${OWNER}&pageSize=1`, {
      token: oversight,
      headers: { 'x-request-id': 'log-test-3' },
    });
    expect(res.statusCode).toBe(200);
    expect(linesOf('log-test-3')).toEqual([
      expect.objectContaining({ url: '/audit/events?nationalId=[redacted]&pageSize=1' }),
    ]);
    expect(JSON.stringify(lines)).not.toContain(OWNER);
  });
});
