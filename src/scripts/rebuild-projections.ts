import { allProjections } from '../../projections/index.js';
import { loadAppConfig } from '../config/app-config.js';
import { DataDirLock } from '../event-store/data-dir-lock.js';
import { openEventStore, openReadModels } from '../event-store/open-event-store.js';
import { rebuildProjections } from '../event-store/subscriptions/subscriber-runner.js';

/** Drops every read model and replays the whole log into it; refused while a server holds the data dir. */
async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  const lock = DataDirLock.take(config.dataDir);
  const store = openEventStore(config);
  const readModels = openReadModels(config);
  const started = Date.now();
  try {
    const statuses = await rebuildProjections(store, readModels, allProjections);
    for (const status of statuses) process.stdout.write(`${JSON.stringify(status)}\n`);
    process.stdout.write(
      `Rebuilt ${statuses.length} read model(s) up to ${(await store.headPosition()) ?? 'start'} in ${Date.now() - started} ms\n`,
    );
    if (statuses.some((s) => s.state === 'failed')) process.exitCode = 1;
  } finally {
    await store.close();
    readModels.close();
    lock.release();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
