import { resolve } from 'node:path';
import { ConfigError, loadAppConfig } from './app-config.js';

describe('loadAppConfig', () => {
  it('defaults to the embedded store in ./data on port 3000', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      dataDir: resolve('./data'),
      port: 3000,
      store: 'sqlite',
      publicUrl: 'http://localhost:3000',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DAFTAR_STORE: 'postgres' }, 'DAFTAR_STORE'],
    [{ DAFTAR_STORE: 'eventstoredb' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ EVENTSTORE_CONNECTION_STRING: 'http://x' }, 'EVENTSTORE_CONNECTION_STRING'],
    [{ DAFTAR_PUBLIC_URL: 'not a url' }, 'DAFTAR_PUBLIC_URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('refuses %p naming %s', (env, variable) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(new RegExp(variable));
  });

  it('accepts EventStoreDB with a connection string and trims the public URL', () => {
    const config = loadAppConfig({
      DAFTAR_STORE: 'eventstoredb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false',
      DAFTAR_PUBLIC_URL: 'https://daftar.example/',
    });
    expect(config.store).toBe('eventstoredb');
    expect(config.publicUrl).toBe('https://daftar.example');
  });
});
