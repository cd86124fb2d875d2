import { join } from 'node:path';
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
    const result = await runDemo(
      url,
      (line) => lines.push(line),
      join(t.config.dataDir, 'outbox', 'sms.jsonl'),
    );
    expect(result).toEqual({
      permitId: expect.any(String),
      mapOrderDocument: expect.any(String),
      permitDocument: expect.any(String),
      completionDocument: expect.any(String),
      inquiryDocument: expect.stringMatching(/^[0-9A-Z*~$=]{11}$/),
      verifyUrl: `${url}/v/${encodeURIComponent(result.permitDocument)}`,
      registeredNationalId: expect.stringMatching(/^\d{10}$/),
    });
    const codes = [
      result.mapOrderDocument,
      result.permitDocument,
      result.completionDocument,
      result.inquiryDocument,
    ];
    for (const code of codes) {
      expect((await call(t.app, 'GET', `/v/${encodeURIComponent(code)}`)).json()).toMatchObject({
        status: 'valid',
      });
    }
    expect(lines.some((line) => line.startsWith('signatory POST'))).toBe(true);
    expect(lines.some((line) => /^citizen POST \/permits\/[^/]+\/engineer/.test(line))).toBe(true);
  });
});
