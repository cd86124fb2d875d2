import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadAppConfig } from '../config/app-config.js';
import { DemoData } from '../demo/demo-data.service.js';
import { createLogger, PinoNestLogger } from '../shared/logging/pino-logger.js';

/** `npm run seed:demo`: writes the demo data now (what exists already is left alone). Never in production. */
async function main(): Promise<void> {
  const config = loadAppConfig(process.env);
  if (config.production) throw new Error('seed:demo refuses to run with NODE_ENV=production');
  const logger = createLogger(config.logLevel);
  const app = await NestFactory.createApplicationContext(
    AppModule.forConfig({ ...config, demoData: false }),
    // A refused start (a server holds the data directory's lock) ends in main's catch, with its message.
    { logger: new PinoNestLogger(logger), abortOnError: false },
  );
  try {
    const { created, skipped } = await app.get(DemoData).seed(new Date().toISOString());
    process.stdout.write(`Demo data in ${config.dataDir}: ${created} created, ${skipped} already there\n`);
  } finally {
    await app.close();
  }
}

void main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
