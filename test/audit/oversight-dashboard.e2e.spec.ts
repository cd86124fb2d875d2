import { INQUIRY_KINDS } from '../../src/rule-sets/rule-set.js';
import { ROLES } from '../../src/identity/roles.js';
import { call } from '../support/http.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The page's own files: what its markup loads, each with the type a browser must be told. */
const ASSETS = {
  '/oversight/assets/dashboard.js': 'text/javascript; charset=utf-8',
  '/oversight/assets/chart.umd.js': 'text/javascript; charset=utf-8',
  '/oversight/assets/dashboard.css': 'text/css; charset=utf-8',
  '/oversight/assets/labels.json': 'application/json; charset=utf-8',
};

describe('the oversight dashboard’s page and files', () => {
  let t: TestApp;
  let page: string;

  beforeAll(async () => {
    t = await startTestApp();
    const res = await call(t.app, 'GET', '/oversight');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    page = res.body;
  });
  afterAll(() => t.close());

  it('is a Persian right-to-left page, served to anyone under a strict content security policy', async () => {
    expect(page).toMatch(/^<!doctype html>\s*<html lang="fa" dir="rtl">/);
    const res = await call(t.app, 'GET', '/oversight');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('has no inline script or style: every script and style sheet is a file of its own', () => {
    const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="/);
      expect(body!.trim()).toBe('');
    }
    expect(page).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=|javascript:/i);
  });

  it('serves every file the page loads with its content type, and Chart.js from node_modules', async () => {
    const loaded = [...page.matchAll(/(?:src|href)="(\/oversight\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(loaded.sort()).toEqual(
      Object.keys(ASSETS)
        .filter((path) => !path.endsWith('.json'))
        .sort(),
    );
    for (const [path, type] of Object.entries(ASSETS)) {
      const res = await call(t.app, 'GET', path);
      expect([path, res.statusCode, res.headers['content-type']]).toEqual([path, 200, type]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    const chart = await call(t.app, 'GET', '/oversight/assets/chart.umd.js');
    expect(chart.body).toMatch(/Chart\.js v4/);
  });

  it('names every permit status, inquiry kind and role in Persian', async () => {
    const labels = (await call(t.app, 'GET', '/oversight/assets/labels.json')).json();
    expect(Object.keys(labels.inquiryKind).sort()).toEqual([...INQUIRY_KINDS].sort());
    expect(Object.keys(labels.role).sort()).toEqual([...ROLES].sort());
    expect(labels.permitStatus.under_review).toBe('در حال بررسی');
  });

  it('answers 404 for a file it does not have, never a file elsewhere on disk', async () => {
    for (const path of ['/oversight/assets/missing.js', '/oversight/assets/..%2F..%2Fpackage.json']) {
      const res = await call(t.app, 'GET', path);
      expect([path, res.statusCode, res.json().code]).toEqual([path, 404, 'OVERSIGHT.ASSET_NOT_FOUND']);
    }
  });
});
