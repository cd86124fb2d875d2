import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProjections } from '../../projections/index.js';
import { compiled } from '../../test/support/compiled.js';
import { event } from '../../test/event-store/event-store.contract.js';
import { SqliteEventStore } from '../event-store/sqlite/sqlite-event-store.js';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';

describe('npm run projections:rebuild', () => {
  it('replays the whole log into freshly dropped read models', async () => {
    const script = compiled('dist/src/scripts/rebuild-projections.js');
    const dataDir = mkdtempSync(join(tmpdir(), 'daftar-rebuild-'));
    try {
      const store = new SqliteEventStore(join(dataDir, 'events.db'));
      for (const n of [1, 2, 3])
        await store.append(`thing-${n}`, [event(), event()], { expectedRevision: 'no_stream' });
      await store.close();
      const stale = new ReadModelDatabase(join(dataDir, 'read-models.db'));
      stale.db.exec(`CREATE TABLE rm_streams (id TEXT PRIMARY KEY, doc TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO rm_streams VALUES ('thing-stale', '{}')`);
      stale.close();

      const output = execFileSync(process.execPath, [script], {
        env: { ...process.env, DAFTAR_DATA_DIR: dataDir },
        encoding: 'utf8',
      });
      expect(output).toContain(`Rebuilt ${allProjections.length} read model(s) up to 6`);

      const rebuilt = new ReadModelDatabase(join(dataDir, 'read-models.db'));
      const rows = rebuilt.db
        .prepare<[], { id: string; doc: string }>('SELECT id, doc FROM rm_streams ORDER BY id')
        .all();
      rebuilt.close();
      expect(rows.map((r) => [r.id, JSON.parse(r.doc).eventCount])).toEqual([
        ['thing-1', 2],
        ['thing-2', 2],
        ['thing-3', 2],
      ]);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
