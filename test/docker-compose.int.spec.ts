import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load, YAML11_SCHEMA } from 'js-yaml';
import { loadAppConfig } from '../src/config/app-config.js';
import { MAX_EVENT_BYTES } from '../src/event-store/validate-append.js';
import { projectRoot } from './support/compiled.js';

interface ComposeService {
  readonly image?: string;
  readonly build?: unknown;
  readonly environment?: Record<string, string | number | boolean>;
  readonly depends_on?: Record<string, unknown>;
  readonly ports?: readonly string[];
  readonly volumes?: readonly string[];
}

const text = (file: string) => readFileSync(join(projectRoot, file), 'utf8');
const services = (file: string) =>
  (load(text(file)) as { services: Record<string, ComposeService> }).services;
const environment = (service: ComposeService) =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([name, value]) => [name, String(value)]));

/** The three-node variant commented out at the end of docker-compose.yml, uncommented. */
function clusterVariant(): Record<string, ComposeService> {
  const source = text('docker-compose.yml');
  const start = source.indexOf('\n# x-kurrentdb-node:');
  expect(start).toBeGreaterThan(0);
  const yaml = source.slice(start + 1).replace(/^# ?/gm, '');
  // Its nodes share settings through `<<:` merge keys, which only the YAML 1.1 schema (compose's) knows.
  return (load(yaml, { schema: YAML11_SCHEMA }) as { services: Record<string, ComposeService> }).services;
}

const MiB = 1024 * 1024;
// KurrentDB's defaults when a limit is not set (per event: 16 MiB from 25.1), and the ceiling of both (a chunk).
const SERVER_DEFAULTS = { append: 1 * MiB, event: 16 * MiB, chunk: 256 * MiB };
// Room for what the server counts beside data and metadata (event id, type, content type).
const ENVELOPE_BYTES = 1024;

/** `ENV A=1 B=2` of the Dockerfile's last stage: what the container has unless compose says otherwise. */
function dockerfileEnv(): Record<string, string> {
  const dockerfile = text('Dockerfile').replace(/\\\n/g, ' ');
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const pairs = [...finalStage.matchAll(/^ENV (.+)$/gm)].flatMap((line) => line[1]!.trim().split(/\s+/));
  return Object.fromEntries(pairs.map((pair) => pair.split('=') as [string, string]));
}

/** What compose makes of `${NAME}`, `${NAME:-default}` and `${NAME:?error}`, with a secret from .env. */
function interpolate(env: Record<string, string>): Record<string, string> {
  // A merchant id from .env has its own shape; every other secret is long text.
  const secretOf = (name: string) =>
    name.endsWith('_MERCHANT_ID') ? '3c8a1f52-7d4e-4b6a-9e21-5f0c2d7b8a91' : 's'.repeat(40);
  const substitute = (name: string, value: string) =>
    value.replace(/\$\{[A-Z0-9_]+(?:(:?-)([^}]*)|:?\?[^}]*)?\}/g, (_, dash?: string, fallback?: string) =>
      dash === undefined ? secretOf(name) : (fallback ?? ''),
    );
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, substitute(name, value)]));
}

describe('docker compose', () => {
  const demo = services('docker-compose.yml');
  const daftar = demo['daftar']!;

  it('starts the demo: the server accepts its environment over the image’s defaults', () => {
    const env = environment(daftar);
    expect(Object.values(env).join(' ')).not.toContain('${');
    const config = loadAppConfig({ ...dockerfileEnv(), ...env });
    expect(config).toMatchObject({ production: false, demoData: true, store: 'eventstoredb' });
    expect(env['NODE_ENV']).not.toBe('production');

    const storeHost = new URL(config.eventStoreConnectionString!.replace(/^esdb:/, 'http:')).hostname;
    expect(Object.keys(daftar.depends_on ?? {})).toContain(storeHost);
    expect(demo[storeHost]!.image).toMatch(/kurrentdb|eventstore/);
  });

  it('pins every image to a version, the commented variants too', () => {
    const images = ['docker-compose.yml', 'docker-compose.production.yml'].flatMap((file) =>
      [...text(file).matchAll(/^[\s#]*image:\s*(\S+)/gm)].map((match) => match[1]!),
    );
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) expect(image).toMatch(/:\d+\.\d+\.\d+(@sha256:[0-9a-f]{64})?$/);
  });

  it.each([
    ['the single node', () => demo],
    ['the commented cluster variant', clusterVariant],
  ])('configures KurrentDB in %s with its own names and limits it starts with', (_, variant) => {
    const nodes = Object.entries(variant()).filter(([, service]) => /kurrentdb/.test(service.image ?? ''));
    expect(nodes.length).toBeGreaterThan(0);
    for (const [name, service] of nodes) {
      const env = environment(service);
      // EVENTSTORE_* is the old prefix: KurrentDB reads KURRENTDB_* (the app's own variable keeps its name).
      expect([name, Object.keys(env).filter((key) => !key.startsWith('KURRENTDB_'))]).toEqual([name, []]);
      const limit = (key: string) => (env[key] === undefined ? undefined : Number(env[key]));
      const append = limit('KURRENTDB_MAX_APPEND_SIZE');
      const perEvent = limit('KURRENTDB_MAX_APPEND_EVENT_SIZE');
      // 25.1+ refuses to start with a per-event limit above the append limit (its default is 16 MiB).
      if (append !== undefined) expect([name, perEvent]).toEqual([name, expect.any(Number)]);
      const effective = {
        append: append ?? SERVER_DEFAULTS.append,
        event: perEvent ?? SERVER_DEFAULTS.event,
      };
      expect([name, effective.event <= effective.append]).toEqual([name, true]);
      expect([name, effective.append <= SERVER_DEFAULTS.chunk]).toEqual([name, true]);
      // Daftar refuses large events itself (413) before the server would answer with its own error.
      expect([name, MAX_EVENT_BYTES + ENVELOPE_BYTES <= effective.event]).toEqual([name, true]);
    }
  });

  it('runs the image the Dockerfile builds, on its port and data volume', () => {
    const image = dockerfileEnv();
    expect(text('Dockerfile')).toMatch(/^CMD \["node", "dist\/src\/main\.js"\]$/m);
    expect(existsSync(join(projectRoot, 'src/main.ts'))).toBe(true);
    expect(text('Dockerfile')).toMatch(new RegExp(`^VOLUME \\["${image['DAFTAR_DATA_DIR']}"\\]$`, 'm'));
    expect(text('Dockerfile')).toMatch(new RegExp(`^EXPOSE ${image['PORT']}$`, 'm'));
    for (const file of ['docker-compose.yml', 'docker-compose.production.yml']) {
      const service = services(file)['daftar']!;
      const env = { ...image, ...environment(service) };
      expect([file, service.build]).toEqual([file, '.']);
      expect(service.volumes).toContainEqual(
        expect.stringMatching(new RegExp(`:${env['DAFTAR_DATA_DIR']}$`)),
      );
      expect(service.ports).toContainEqual(expect.stringMatching(new RegExp(`:${env['PORT']}$`)));
    }
  });

  it('documents every variable the server reads beside the production example, which it accepts', () => {
    const production = text('docker-compose.production.yml');
    const read = new Set(
      [
        ...text('src/config/app-config.ts').matchAll(
          /'((?:DAFTAR|OIDC|EVENTSTORE)_[A-Z0-9_]+|NODE_ENV|HOST|PORT|LOG_LEVEL)'/g,
        ),
      ].map((match) => match[1]!),
    );
    expect(read.size).toBeGreaterThan(20);
    expect([...read].filter((name) => !new RegExp(`\\b${name}\\b`).test(production))).toEqual([]);

    const env = interpolate(environment(services('docker-compose.production.yml')['daftar']!));
    const config = loadAppConfig({ ...dockerfileEnv(), ...env });
    expect(config).toMatchObject({ production: true, demoData: false, store: 'eventstoredb' });
  });
});
