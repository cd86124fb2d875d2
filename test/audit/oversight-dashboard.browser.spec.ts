import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDemo } from '../../src/demo/walkthrough/demo-walkthrough.js';
import { DEMO_PASSWORD } from '../../src/identity/demo/demo-data.js';
import { jalaliDate } from '../../src/shared/jalali.js';
import type { Page } from 'playwright-core';
import { withBrowserPage } from '../support/browser.js';
import { startTestApp, untilReady, type TestApp } from '../support/test-app.js';

const CHARTS = ['turnaround', 'open-files', 'deadlines', 'overrides', 'activity'];

// Evaluated in the page (tests compile without the DOM typings): how many pixels of each chart's
// canvas are not transparent.
const DRAWN_PIXELS = `Object.fromEntries([...document.querySelectorAll('figure.chart')].map((figure) => {
  const canvas = figure.querySelector('canvas');
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let drawn = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn += 1;
  return [figure.id, drawn];
}))`;

/** The Jalali day (`1405-06-13`) so many days before today, in Tehran. */
function jalaliDaysAgo(days: number): string {
  return jalaliDate(new Date(Date.now() - days * 86_400_000).toISOString());
}

describe('the oversight dashboard in headless Chromium', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ env: { DAFTAR_DEMO_DATA: 'true' } });
    await untilReady(t.app, 60_000);
    await t.app.listen(0, '127.0.0.1');
    url = await t.app.getUrl();
    await runDemo(url, () => undefined, join(t.config.dataDir, 'outbox', 'sms.jsonl'));
  }, 120_000);
  afterAll(() => t.close());

  it('signs in as the oversight manager, draws every chart, and opens the search a chart links to', async () => {
    await withBrowserPage(async (page) => {
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') refused.push(message.text());
      });
      page.on('pageerror', (error) => refused.push(error.message));
      await standInForDeadlines(page);
      const response = await page.goto(`${url}/oversight`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.getAttribute('html', 'lang')).toBe('fa');
      expect(await page.evaluate<string>('getComputedStyle(document.body).direction')).toBe('rtl');

      await page.fill('input[name=username]', 'oversight');
      await page.fill('input[name=password]', DEMO_PASSWORD);
      await page.click('#sign-in-form button[type=submit]');
      await page.waitForSelector('#dashboard:not([hidden])');
      // Selectors, not predicates: the page's policy forbids evaluating strings as script.
      for (const id of CHARTS)
        await page.waitForSelector(`#${id}[data-state=drawn], #${id}[data-state=failed]`);
      const states = await page.evaluate<Record<string, string>>(
        `Object.fromEntries([...document.querySelectorAll('figure.chart')].map((f) => [f.id, f.dataset.state + ' ' + f.querySelector('.note').textContent]))`,
      );
      expect(Object.keys(states)).toEqual(CHARTS);
      for (const id of CHARTS) expect([id, states[id]]).toEqual([id, expect.stringMatching(/^drawn/)]);
      const drawn = await page.evaluate<Record<string, number>>(DRAWN_PIXELS);
      for (const id of CHARTS) expect([id, drawn[id]]).toEqual([id, expect.any(Number)]);
      for (const id of CHARTS) expect([id, drawn[id]! > 1000]).toEqual([id, true]);

      const screenshot = join(mkdtempSync(join(tmpdir(), 'daftar-oversight-')), 'oversight-dashboard.png');
      await page.screenshot({ path: screenshot, fullPage: true });
      process.stdout.write(`oversight dashboard screenshot: ${screenshot}\n`);

      await page.click('#turnaround .to-search');
      await page.waitForSelector('#results tbody tr', { timeout: 10_000 }).catch(async () => {
        throw new Error(`no results: ${await page.textContent('#search-status')}`);
      });
      // Opened without a range, the charts and the search they link to cover the last 90 Tehran days.
      const from = await page.inputValue('#filters input[name=from]');
      expect(from).toBe(jalaliDaysAgo(89));
      expect(page.url()).toMatch(new RegExp(`#search\\?from=${from}&category=permit$`));
      expect(await page.inputValue('#search-form input[name=from]')).toBe(from);
      expect(await page.inputValue('#search-form input[name=category]')).toBe('permit');
      expect(await page.textContent('#results tbody')).toMatch(/[۰-۹]{4}/);
      expect(refused).toEqual([]);
    });
  }, 120_000);

  it('keeps the token in memory only: nothing in storage, and a reload asks to sign in again', async () => {
    await withBrowserPage(async (page) => {
      await page.goto(`${url}/oversight`);
      await page.fill('input[name=username]', 'oversight');
      await page.fill('input[name=password]', DEMO_PASSWORD);
      await page.click('#sign-in-form button[type=submit]');
      await page.waitForSelector('#dashboard:not([hidden])');
      expect(await page.evaluate<number>('localStorage.length + sessionStorage.length')).toBe(0);
      expect(await page.evaluate<string>('document.cookie')).toBe('');
      await page.reload();
      expect(await page.isVisible('#sign-in-form')).toBe(true);
      expect(await page.isHidden('#dashboard')).toBe(true);
    });
  }, 60_000);

  it('tells a wrong password apart, in Persian', async () => {
    await withBrowserPage(async (page) => {
      await page.goto(`${url}/oversight`);
      await page.fill('input[name=username]', 'oversight');
      await page.fill('input[name=password]', 'not-the-password');
      await page.click('#sign-in-form button[type=submit]');
      await page.waitForSelector('#sign-in-error:not(:empty)');
      expect(await page.textContent('#sign-in-error')).toContain('نادرست');
      expect(await page.isHidden('#dashboard')).toBe(true);
    });
  }, 60_000);
});

/** Until the deadlines report is built: one overdue file, as report-rows.ts shapes it. */
async function standInForDeadlines(page: Page): Promise<void> {
  const row = {
    process: 'permit',
    id: 'permit-stand-in',
    municipality: 'hamedan',
    renewalCode: '1-1-1-1-0-0-0',
    stage: 'under_review',
    since: '2026-11-01T08:00:00.000Z',
    dueAt: '2026-11-08T08:00:00.000Z',
    overdueSeconds: 86_400,
  };
  await page.route('**/audit/reports/deadlines*', (route) =>
    route.fulfill({ json: { report: 'deadlines', filters: {}, rows: [row] } }),
  );
}
