import { runDemo } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { call } from '../support/http.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

describe('npm run demo', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app);
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
  });
  afterAll(() => t.close());

  it('walks an application to its permit and completion certificate, all of them verifiable', async () => {
    const lines: string[] = [];
    const result = await runDemo(url, (line) => lines.push(line));
    expect(result).toEqual({
      permitId: expect.any(String),
      mapOrderDocument: expect.any(String),
      permitDocument: expect.any(String),
      completionDocument: expect.any(String),
      verifyUrl: `${url}/v/${encodeURIComponent(result.permitDocument)}`,
    });
    for (const code of [result.mapOrderDocument, result.permitDocument, result.completionDocument]) {
      expect((await call(t.app, 'GET', `/v/${encodeURIComponent(code)}`)).json()).toMatchObject({
        status: 'valid',
      });
    }
    expect(lines.some((line) => line.startsWith('signatory POST'))).toBe(true);
  });
});
