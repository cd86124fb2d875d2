import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { parcelsProjection } from '../../projections/parcels/parcels.projection.js';
import { AppModule } from '../app.module.js';
import { loadAppConfig } from '../config/app-config.js';
import { SubscriberRunner } from '../event-store/subscriptions/subscriber-runner.js';
import { systemActor } from '../identity/principal.js';
import { ImportParcelsCommand } from '../parcels/import-parcels/import-parcels.command.js';
import { newId } from '../shared/ids.js';
import { createLogger, PinoNestLogger } from '../shared/logging/pino-logger.js';

const USAGE = 'usage: npm run import:parcels -- <file.csv>';

/**
 * `npm run import:parcels -- <file.csv>`: registers the parcels of a CSV file (format in docs/operations.md), all
 * or none: any bad row is reported with its line number on stderr, and the exit code is 1.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || process.argv.length > 3) throw new Error(USAGE);
  const text = readFileSync(file, 'utf8');
  const config = loadAppConfig(process.env);
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(
    AppModule.forConfig({ ...config, demoData: false }),
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  try {
    const importId = newId();
    const outcome = await app.get(CommandBus).execute(
      new ImportParcelsCommand(text, {
        actor: systemActor('parcel-import'),
        correlationId: `parcel-import-${importId}`,
        causationId: `parcel-import-${importId}`,
        now: new Date().toISOString(),
      }),
    );
    if (outcome.problems.length) {
      for (const { line, message } of outcome.problems) process.stderr.write(`${file}:${line}: ${message}\n`);
      const lines = new Set(outcome.problems.map((p) => p.line)).size;
      process.stderr.write(
        `Nothing imported: ${outcome.problems.length} problem(s) on ${lines} line(s) of ${file}\n`,
      );
      process.exitCode = 1;
      return;
    }
    if (outcome.position !== undefined) {
      await app
        .get(SubscriberRunner)
        .waitFor(outcome.position, { names: [`projection:${parcelsProjection.name}`], timeoutMs: 60_000 });
    }
    const perMunicipality = new Map<string, number>();
    for (const p of outcome.imported)
      perMunicipality.set(p.municipality, (perMunicipality.get(p.municipality) ?? 0) + 1);
    const counts = [...perMunicipality].map(([m, n]) => `${m} ${n}`).join(', ');
    process.stdout.write(
      `Imported ${outcome.imported.length} parcel(s) from ${file} into ${config.dataDir} (${counts})\n`,
    );
  } finally {
    await app.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
