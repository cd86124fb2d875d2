import { resolve } from 'node:path';

export type StoreKind = 'sqlite' | 'eventstoredb';

export interface AppConfig {
  readonly dataDir: string;
  readonly host: string;
  readonly port: number;
  readonly store: StoreKind;
  readonly eventStoreConnectionString: string | undefined;
  readonly publicUrl: string;
  readonly logLevel: string;
  readonly production: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`Configuration error in ${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads and validates the environment once at start; a wrong value stops the server naming the variable. */
export function loadAppConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const store = oneOf(env, 'DAFTAR_STORE', ['sqlite', 'eventstoredb'], 'sqlite') as StoreKind;
  const connection = nonEmpty(env, 'EVENTSTORE_CONNECTION_STRING');
  if (store === 'eventstoredb' && connection === undefined) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'is required when DAFTAR_STORE=eventstoredb');
  }
  if (connection !== undefined && !/^esdb(\+discover)?:\/\//.test(connection)) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', 'must start with esdb:// or esdb+discover://');
  }
  const host = nonEmpty(env, 'HOST') ?? '0.0.0.0';
  const publicUrl = url(env, 'DAFTAR_PUBLIC_URL', `http://localhost:${port}`);
  return {
    dataDir: resolve(nonEmpty(env, 'DAFTAR_DATA_DIR') ?? './data'),
    host,
    port,
    store,
    eventStoreConnectionString: connection,
    publicUrl,
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    production: env['NODE_ENV'] === 'production',
  };
}

function nonEmpty(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integer(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
  }
  return Number(raw);
}

function oneOf(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  allowed: readonly string[],
  fallback: string,
): string {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!allowed.includes(raw))
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return raw;
}

function url(env: Readonly<Record<string, string | undefined>>, name: string, fallback: string): string {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new ConfigError(name, `must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return raw.replace(/\/+$/, '');
}
