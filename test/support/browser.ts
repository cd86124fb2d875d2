import { chromium, type Page } from 'playwright-core';

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (playwright-core downloads no browser). */
const executablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Runs `use` on a fresh page of a headless Chromium, closing the browser however `use` ends. */
export async function withBrowserPage<T>(use: (page: Page) => Promise<T>): Promise<T> {
  // No sandbox: containers and CI runners usually lack the user namespaces it needs.
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
  try {
    return await use(await browser.newPage());
  } finally {
    await browser.close();
  }
}
