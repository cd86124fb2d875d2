import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withBrowserPage } from './browser.js';

const page = `<!doctype html>
<html lang="fa" dir="rtl">
  <head><meta charset="utf-8"><title>دفتر</title></head>
  <body><p>پروانه ساختمانی صادر شد</p></body>
</html>`;

describe('browser test support', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('renders a right-to-left Persian page in headless Chromium', async () => {
    const seen = await withBrowserPage(async (browserPage) => {
      await browserPage.goto(url);
      return {
        text: await browserPage.textContent('body'),
        // Evaluated in the page; a string because tests compile without the DOM typings.
        direction: await browserPage.evaluate<string>('getComputedStyle(document.body).direction'),
      };
    });
    expect(seen.text).toContain('پروانه ساختمانی صادر شد');
    expect(seen.direction).toBe('rtl');
  }, 30_000);
});
