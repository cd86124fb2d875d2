import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const MARKDOWN = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
// Only http(s) to this machine may appear: examples against a local server.
const LOCAL_URL = /^https?:\/\/(localhost|127\.0\.0\.1)([:/]|$)/;

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const [, heading] of withoutCode(markdown).matchAll(/^#{1,6} +(.+)$/gm)) {
    const slug = heading!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    let anchor = slug;
    for (let n = 1; anchors.has(anchor); n += 1) anchor = `${slug}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

function linksOf(markdown: string): string[] {
  return [...withoutCode(markdown).matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
}

describe('the documentation', () => {
  it('keeps the README short', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(220);
  });

  it.each(MARKDOWN)('%s: every relative link reaches a file (and heading) inside the repository', (file) => {
    const broken = linksOf(read(file)).flatMap((link) => {
      if (/^[a-z][a-z+.-]*:/i.test(link)) return [];
      const [path = '', anchor] = link.split('#');
      const target = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), path);
      if (relative(ROOT, target).startsWith('..')) return [`${link}: outside the repository`];
      if (!existsSync(target)) return [`${link}: no such file`];
      if (anchor !== undefined && !anchorsOf(readFileSync(target, 'utf8')).has(anchor))
        return [`${link}: no such heading`];
      return [];
    });
    expect(broken).toEqual([]);
  });

  it.each(MARKDOWN)('%s: no link leaves the repository', (file) => {
    const text = read(file);
    const urls = [...text.matchAll(/\b[a-z][a-z+.-]*:\/\/[^\s)`'"<>]+/gi)].map((match) => match[0]);
    const outside = urls.filter((url) => /^https?:/i.test(url) && !LOCAL_URL.test(url));
    const otherSchemes = linksOf(text).filter(
      (link) => /^[a-z][a-z+.-]*:/i.test(link) && !LOCAL_URL.test(link),
    );
    expect([...new Set([...outside, ...otherSchemes])]).toEqual([]);
  });

  it('docs/operations.md names every variable the server reads', () => {
    const variables = new Set(
      [
        ...read('src/config/app-config.ts').matchAll(
          /'((?:DAFTAR|OIDC|EVENTSTORE)_[A-Z0-9_]+|NODE_ENV|HOST|PORT|LOG_LEVEL)'/g,
        ),
      ].map((match) => match[1]!),
    );
    const operations = read('docs/operations.md');
    const mentioned = (name: string) =>
      operations.includes(`\`${name}\``) ||
      // A row may abbreviate a family: `DAFTAR_SMS_URL`, `_KEY`, `_SENDER`.
      [...operations.matchAll(/`([A-Z_]+_)[A-Z]+`((?:, `_[A-Z_]+`)+)/g)].some(([, prefix, rest]) =>
        rest!.split(', ').some((part) => `${prefix!.replace(/_$/, '')}${part.replace(/`/g, '')}` === name),
      );
    expect([...variables].filter((name) => !mentioned(name))).toEqual([]);
    expect(variables.size).toBeGreaterThan(30);
  });
});
