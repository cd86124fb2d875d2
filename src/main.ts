import 'reflect-metadata';
import { AppModule } from './app.module.js';
import { ConfigError, loadAppConfig } from './config/app-config.js';
import { createApp } from './shared/http/create-app.js';
import { createLogger, logFormat } from './shared/logging/pino-logger.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadAppConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  const logger = createLogger(config.logLevel, {
    format: logFormat({ production: config.production, terminal: process.stdout.isTTY === true }),
  });
  const app = await createApp(AppModule.forConfig(config), logger, {
    trustedProxies: config.trustedProxies,
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    {
      url: `http://localhost:${port}`,
      publicUrl: config.publicUrl,
      store: config.store,
      dataDir: config.dataDir,
    },
    `Daftar listening on http://localhost:${port} (docs at /docs)`,
  );
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `Daftar failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
