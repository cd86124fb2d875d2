import { existsSync } from 'node:fs';
import { CheckpointDatabase } from './checkpoint-database.js';
import { PARKED_COLUMNS, ParkedEvents } from './parked-events.js';

/**
 * The reactions' file: each reaction's checkpoint and the events it parked. Unlike the read models it
 * is not derived: a checkpoint records effects already made (commands appended, messages queued), and
 * without it every reaction would run over the whole log again.
 */
export class ReactionCheckpoints extends CheckpointDatabase {
  readonly parked: ParkedEvents;

  constructor(file: string) {
    super(file);
    this.parked = new ParkedEvents(this.db);
  }

  /**
   * Data directories of before this file kept the reactions' checkpoints and parked events in the
   * read-model file: those of a reaction this file has no checkpoint of are carried over, in one
   * transaction here, then dropped there. Run before the reactions start; a second run finds nothing.
   */
  carryOverFrom(readModelsFile: string): void {
    if (!existsSync(readModelsFile)) return;
    this.db.prepare('ATTACH DATABASE ? AS read_models').run(readModelsFile);
    try {
      const has = (table: string) =>
        this.db
          .prepare("SELECT 1 FROM read_models.sqlite_master WHERE type = 'table' AND name = ?")
          .get(table) !== undefined;
      if (!has('subscriber_checkpoints')) return;
      this.db.transaction(() => {
        this.db.exec(`CREATE TEMP TABLE carried AS
          SELECT name, position, version FROM read_models.subscriber_checkpoints
          WHERE name LIKE 'reaction:%' AND name NOT IN (SELECT name FROM main.subscriber_checkpoints)`);
        this.db.exec(`INSERT INTO main.subscriber_checkpoints (name, position, version)
          SELECT name, position, version FROM temp.carried`);
        if (has('parked_events')) {
          this.db.exec(`INSERT OR IGNORE INTO main.parked_events (${PARKED_COLUMNS})
            SELECT ${PARKED_COLUMNS} FROM read_models.parked_events
            WHERE subscriber IN (SELECT name FROM temp.carried) ORDER BY rowid`);
        }
        this.db.exec('DROP TABLE temp.carried');
      })();
      // Committed here first: a crash before this leaves rows there that the next start ignores.
      this.db.transaction(() => {
        this.db.exec("DELETE FROM read_models.subscriber_checkpoints WHERE name LIKE 'reaction:%'");
        this.db.exec('DROP TABLE IF EXISTS read_models.parked_events');
      })();
    } finally {
      this.db.exec('DETACH DATABASE read_models');
    }
  }
}
