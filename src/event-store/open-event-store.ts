import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import type { EventStore } from './event-store.port.js';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';
import { ReadModelDatabase } from './subscriptions/read-model-database.js';

export function openEventStore(config: AppConfig): EventStore {
  if (config.store === 'eventstoredb') return new EventStoreDbEventStore(config.eventStoreConnectionString!);
  return new SqliteEventStore(join(config.dataDir, 'events.db'));
}

export function openReadModels(config: AppConfig): ReadModelDatabase {
  return new ReadModelDatabase(join(config.dataDir, 'read-models.db'));
}
