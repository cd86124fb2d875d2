import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '../../src/event-store/event-store.port.js';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store.js';
import { describeEventStoreContract } from './event-store.contract.js';

describeEventStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'daftar-contract-'));
  const file = join(dir, 'events.db');
  let current: EventStore = new SqliteEventStore(file, { pollIntervalMs: 50 });
  return {
    get store() {
      return current;
    },
    reopen: async () => {
      await current.close();
      current = new SqliteEventStore(file, { pollIntervalMs: 50 });
      return current;
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
