import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';
import type { EventStore } from './event-store.port.js';
import { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
import type { ReadOnlyFiles } from './sqlite/read-only-files.js';
import { SqliteEventStore } from './sqlite/sqlite-event-store.js';
import { ReactionCheckpoints } from './subscriptions/reaction-checkpoints.js';
import { ReadModelDatabase } from './subscriptions/read-model-database.js';

/**
 * With `readOnly`, SQLite's file is opened for reading only, where those files say, writing nothing
 * (EventStoreDB is only read by a reader anyway).
 */
export function openEventStore(config: AppConfig, options: { readOnly?: ReadOnlyFiles } = {}): EventStore {
  if (config.store === 'eventstoredb') return new EventStoreDbEventStore(config.eventStoreConnectionString!);
  const file = join(config.dataDir, 'events.db');
  if (options.readOnly) return new SqliteEventStore(options.readOnly.path(file), { readOnly: true });
  return new SqliteEventStore(file);
}

export const READ_MODELS_FILE = 'read-models.db';

export function openReadModels(config: AppConfig): ReadModelDatabase {
  return new ReadModelDatabase(join(config.dataDir, READ_MODELS_FILE));
}

export const REACTIONS_FILE = 'reactions.db';

/** Carries over what an older data directory kept of the reactions in the read-model file. */
export function openReactionCheckpoints(config: AppConfig): ReactionCheckpoints {
  const reactions = new ReactionCheckpoints(join(config.dataDir, REACTIONS_FILE));
  try {
    reactions.carryOverFrom(join(config.dataDir, READ_MODELS_FILE));
  } catch (error) {
    reactions.close();
    throw error;
  }
  return reactions;
}
