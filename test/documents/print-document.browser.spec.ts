import { CommandBus } from '@nestjs/cqrs';
import { IssueDocumentCommand } from '../../src/documents/issue-document/issue-document.command.js';
import type { Page } from 'playwright-core';
import { withBrowserPage } from '../support/browser.js';
import { registeredCitizen } from '../support/citizens.js';
import { bootstrapAdmin } from '../support/bootstrap-admin.js';
import { hamedan, registerAll } from '../support/directory.js';
import {
  documentContext,
  issueUnderCode,
  PERMIT_HOLDER,
  permitDocumentRequest,
} from '../support/permit-documents.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const OWNER = PERMIT_HOLDER.nationalId;
const TRACKING_NUMBER = '8923697879';
/** Issued before new codes kept their check symbol within the alphabet; `=` is neutral right to left. */
const OLD_CODE = '77DB244B58=';

const permitRequest = () => permitDocumentRequest({ trackingNumber: TRACKING_NUMBER });

/** NodeFilter.SHOW_TEXT: the tests compile without the DOM's types. */
const SHOW_TEXT = 4;

/** The characters of the element's text in the order the eye meets them on one line, left to right. */
function seenLeftToRight(page: Page, selector: string): Promise<string> {
  return page.$eval(
    selector,
    (element, showText) => {
      const glyphs: { x: number; c: string }[] = [];
      type TextNode = { readonly length: number; readonly data: string };
      const walker = element.ownerDocument.createTreeWalker(element, showText);
      for (
        let node = walker.nextNode() as TextNode | null;
        node;
        node = walker.nextNode() as TextNode | null
      ) {
        for (let i = 0; i < node.length; i++) {
          const range = element.ownerDocument.createRange();
          range.setStart(node as never, i);
          range.setEnd(node as never, i + 1);
          const { left, width } = range.getBoundingClientRect();
          if (width > 0) glyphs.push({ x: left, c: node.data[i]! });
        }
      }
      return glyphs
        .sort((a, b) => a.x - b.x)
        .map((g) => g.c)
        .join('');
    },
    SHOW_TEXT,
  );
}

/** The table cell next to the heading `label`. */
const cellOf = (label: string) => `xpath=//tr[th[normalize-space()="${label}"]]/td`;

describe('the printable document and the verification page in headless Chromium', () => {
  let t: TestApp;
  let url: string;
  let owner: string;
  let code: string;
  let permitId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    await registerAll(t.app, await bootstrapAdmin(t.app), { municipalities: [hamedan] });
    owner = await registeredCitizen(t.app, OWNER, PERMIT_HOLDER.name);
    const request = permitRequest();
    permitId = String(request.body['permitId']);
    ({ code } = await t.app.get(CommandBus).execute(new IssueDocumentCommand(request, documentContext())));
    await issueUnderCode(t.app, OLD_CODE, permitRequest());
  });
  afterAll(() => t.close());

  it('renders the permit right to left in Persian, with Jalali date and both barcodes', async () => {
    await withBrowserPage(async (page) => {
      await page.setExtraHTTPHeaders({ authorization: `Bearer ${owner}` });
      const response = await page.goto(`${url}/documents/${encodeURIComponent(code)}`);
      expect(response?.status()).toBe(200);
      const text = (await page.textContent('body')) ?? '';
      expect(text).toContain('پروانه ساختمانی');
      expect(text).toContain('همدان');
      expect(text).toContain('1-1-1-1-0-0-0');
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

  it('prints the code and the tracking number as the file number so that they read back as issued', async () => {
    await withBrowserPage(async (page) => {
      await page.setExtraHTTPHeaders({ authorization: `Bearer ${owner}` });
      await page.goto(`${url}/documents/${encodeURIComponent(code)}`);
      const text = await page.innerText('body');
      const codeOnPaper = /شماره سند:\s*(\S+)/.exec(text)?.[1];
      expect(codeOnPaper).toBe(code);
      expect(await page.innerText(cellOf('شماره پرونده (کد رهگیری)'))).toBe(TRACKING_NUMBER);
      expect(await seenLeftToRight(page, '#code')).toBe(code);
      expect(await seenLeftToRight(page, cellOf('شماره پرونده (کد رهگیری)'))).toBe(TRACKING_NUMBER);
      expect(await seenLeftToRight(page, cellOf('کد نوسازی'))).toBe('1-1-1-1-0-0-0');
      expect(await page.innerText(cellOf('مالکان'))).toContain(OWNER);
      expect(text).not.toContain(permitId);
      expect(text).not.toMatch(/[۰-۹][a-f]|[a-f][۰-۹]/);

      // What a person types from the paper verifies.
      await page.setExtraHTTPHeaders({});
      const typed = await page.goto(`${url}/v/${encodeURIComponent(codeOnPaper!)}`);
      expect(typed?.status()).toBe(200);
      expect(await page.innerText('#status')).toContain('معتبر');
      expect(await seenLeftToRight(page, '#code')).toBe(code);
      // The public page names the file by its id: the tracking number is for its owner (GET /track).
      expect(await page.innerText('body')).not.toContain(TRACKING_NUMBER);
      const fileNumber = 'xpath=//dt[normalize-space()="شماره پرونده"]/following-sibling::dd[1]';
      expect(await seenLeftToRight(page, fileNumber)).toBe(permitId);
    });
  });

  it('prints a code issued with a neutral check symbol with the symbol last, and it still verifies', async () => {
    await withBrowserPage(async (page) => {
      await page.setExtraHTTPHeaders({ authorization: `Bearer ${owner}` });
      await page.goto(`${url}/documents/${encodeURIComponent(OLD_CODE)}`);
      expect(await seenLeftToRight(page, '#code')).toBe(OLD_CODE);
      expect(await page.title()).toContain(OLD_CODE);
      await page.setExtraHTTPHeaders({});
      await page.goto(`${url}/v/${encodeURIComponent(OLD_CODE)}`);
      expect(await page.innerText('#status')).toContain('معتبر');
      expect(await seenLeftToRight(page, '#code')).toBe(OLD_CODE);
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
