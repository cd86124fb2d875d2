import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import { IssueDocumentCommand } from '../../src/documents/issue-document/issue-document.command.js';
import { withBrowserPage } from '../support/browser.js';
import { registeredCitizen } from '../support/citizens.js';
import { bootstrapAdmin } from '../support/bootstrap-admin.js';
import { hamedan, registerAll } from '../support/directory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const OWNER = '0013542419';

describe('the printable document and the verification page in headless Chromium', () => {
  let t: TestApp;
  let url: string;
  let owner: string;
  let code: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    await registerAll(t.app, await bootstrapAdmin(t.app), { municipalities: [hamedan] });
    owner = await registeredCitizen(t.app, OWNER, 'زهرا احمدی');
    const permitId = randomUUID();
    ({ code } = await t.app.get(CommandBus).execute(
      new IssueDocumentCommand(
        {
          kind: 'BuildingPermit',
          municipality: 'hamedan',
          renewalCode: '1-1-1-1-0-0-0',
          holders: [{ nationalId: OWNER, name: 'زهرا احمدی' }],
          body: { permitId, applicationType: 'NewConstruction', floors: 4, use: 'residential', units: 8 },
          subject: { stream: `permit-${permitId}`, eventId: randomUUID() },
        },
        {
          actor: { id: 'system:test', role: 'system' },
          correlationId: 't',
          causationId: 't',
          now: new Date().toISOString(),
        },
      ),
    ));
  });
  afterAll(() => t.close());

  it('renders the permit right to left in Persian, with Jalali date, Persian digits and both barcodes', async () => {
    await withBrowserPage(async (page) => {
      await page.setExtraHTTPHeaders({ authorization: `Bearer ${owner}` });
      const response = await page.goto(`${url}/documents/${encodeURIComponent(code)}`);
      expect(response?.status()).toBe(200);
      const text = (await page.textContent('body')) ?? '';
      expect(text).toContain('پروانه ساختمانی');
      expect(text).toContain('همدان');
      expect(text).toContain('۱-۱-۱-۱-۰-۰-۰');
      expect(text).toContain('زهرا احمدی');
      expect(text).toContain('احداث بنا');
      expect(await page.textContent('#issued')).toMatch(/[۰-۹]{4}/);
      expect(await page.textContent('#code')).toBe(code);
      expect(await page.evaluate('getComputedStyle(document.body).direction')).toBe('rtl');
      const qr = await page.locator('.qr svg').boundingBox();
      expect(qr?.width).toBeGreaterThan(100);
      const barcodeLoaded = await page.evaluate("document.querySelector('img.code128').naturalWidth");
      expect(barcodeLoaded).toBeGreaterThan(50);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    });
  });

  it('opens the verification page a phone camera would open, anonymously', async () => {
    await withBrowserPage(async (page) => {
      const response = await page.goto(`${url}/v/${encodeURIComponent(code)}`);
      expect(response?.status()).toBe(200);
      expect(await page.textContent('#status')).toContain('معتبر');
      expect(await page.textContent('body')).toContain('امضای دیجیتال');
    });
  });
});
