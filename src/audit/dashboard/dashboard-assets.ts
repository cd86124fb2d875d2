import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DASHBOARD_LABELS } from './dashboard-labels.js';

export interface DashboardAsset {
  readonly contentType: string;
  readonly body: string;
}

/**
 * The page, its script and style (kept beside this file in static/, copied to dist by the build) and
 * Chart.js from node_modules: read once at start, served from memory.
 */
export function loadDashboardAssets(): {
  readonly page: DashboardAsset;
  readonly assets: ReadonlyMap<string, DashboardAsset>;
} {
  const own = (file: string) => readFileSync(join(import.meta.dirname, 'static', file), 'utf8');
  // chart.js exports only its module builds; the browser bundle sits beside the CommonJS one.
  const chartJs = join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js');
  const script = 'text/javascript; charset=utf-8';
  return {
    page: { contentType: 'text/html; charset=utf-8', body: own('dashboard.html') },
    assets: new Map([
      ['dashboard.js', { contentType: script, body: own('dashboard.js') }],
      ['dashboard.css', { contentType: 'text/css; charset=utf-8', body: own('dashboard.css') }],
      ['chart.umd.js', { contentType: script, body: readFileSync(chartJs, 'utf8') }],
      [
        'labels.json',
        { contentType: 'application/json; charset=utf-8', body: JSON.stringify(DASHBOARD_LABELS) },
      ],
    ]),
  };
}

/**
 * Only this origin's own files, nothing inline: a script injected into the page could not run, and
 * could not send the token elsewhere.
 */
export const DASHBOARD_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');
