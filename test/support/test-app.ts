import type { DynamicModule, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { allProjections } from '../../projections/index.js';
import type { AnyProjection } from '../../projections/projection.js';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.js';
import { SubscriberRunner } from '../../src/event-store/subscriptions/subscriber-runner.js';
import { AppModule } from '../../src/app.module.js';
import { loadAppConfig, type AppConfig } from '../../src/config/app-config.js';
import { createApp } from '../../src/shared/http/create-app.js';
import { createLogger } from '../../src/shared/logging/pino-logger.js';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly config: AppConfig;
  close(): Promise<void>;
}

/** The real application on a fresh data directory, served in-process (Fastify inject, no socket). */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    extraModules?: (Type | DynamicModule)[];
    projections?: readonly AnyProjection[];
    /** An existing data directory, kept after close; by default a fresh one, removed after close. */
    dataDir?: string;
    /** Where the log goes (give `LOG_LEVEL` in `env` too); by default nowhere. */
    logTo?: DestinationStream;
  } = {},
): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'daftar-e2e-'));
  // Demo data is off unless a test asks for it: most tests build exactly the data they need.
  const config = loadAppConfig({
    DAFTAR_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DAFTAR_DEMO_DATA: 'false',
    ...options.env,
  });
  const root = AppModule.forConfig(config, options.projections ? { projections: options.projections } : {});
  const module: DynamicModule = {
    ...root,
    imports: [...(root.imports ?? []), ...(options.extraModules ?? [])],
  };
  const logger = createLogger(config.logLevel, { destination: options.logTo });
  const app = await createApp(module, logger, {
    trustedProxies: config.trustedProxies,
  });
  try {
    await app.init();
  } catch (error) {
    // A refused start (production rules) must still release the store, or Jest never exits.
    await app.close();
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    config,
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until GET /ready answers 200 (subscribers caught up, start-up tasks done). */
export async function untilReady(app: NestFastifyApplication, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({ method: 'GET', url: '/ready' });
    if (res.statusCode === 200) return;
    if (Date.now() > deadline) throw new Error(`not ready: ${res.body}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A cap, not a pause: waits end as soon as the subscribers get there; only a stuck one costs it. */
const SETTLING_MS = 30_000;

/**
 * Waits until every read model shows the log up to `position`, and answers whether they all do. For
 * tests that write events straight to the store: reactions to such seeded histories may refuse them.
 */
export function untilProjected(app: NestFastifyApplication, position: string): Promise<boolean> {
  return app.get(SubscriberRunner).waitFor(position, {
    names: allProjections.map((projection) => `projection:${projection.name}`),
    timeoutMs: SETTLING_MS,
  });
}

/** Until every subscriber has caught up with the log, and with what its reactions appended. */
export async function untilSettled(app: NestFastifyApplication): Promise<void> {
  const store = app.get<EventStore>(EVENT_STORE);
  for (
    let head = await store.headPosition(), last;
    head !== last;
    last = head, head = await store.headPosition()
  )
    if (!(await app.get(SubscriberRunner).waitFor(head!, { timeoutMs: SETTLING_MS }))) {
      // A failed subscriber (a test's poison event) has settled; one still short of the head has not.
      const behind = app
        .get(SubscriberRunner)
        .statuses()
        .filter(
          (s) => s.state !== 'failed' && (!s.position || store.comparePositions(s.position, head!) < 0),
        );
      if (behind.length > 0) throw new Error(`Not settled at ${head}: ${JSON.stringify(behind)}`);
    }
}
