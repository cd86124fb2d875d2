import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelDatabase } from '../event-store/subscriptions/read-model-database.js';
import { LEDGER_TREE_SUBSCRIBER, LedgerTree, TREE_VERSION } from './ledger-tree.js';
import { StoredLeaves } from './verify-ledger/stored-leaves.js';

describe('a read-model file holding the tree in an older layout', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-ledger-layout-'));
    file = join(dir, 'read-models.db');
    const readModels = new ReadModelDatabase(file);
    readModels.db.exec(`CREATE TABLE ledger_nodes (
      level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL, PRIMARY KEY (level, idx)) WITHOUT ROWID;
      CREATE TABLE ledger_leaves (leaf INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE);
      INSERT INTO ledger_nodes VALUES (0, 0, zeroblob(32));
      INSERT INTO ledger_leaves VALUES (0, 'event-0');`);
    readModels.saveCheckpoint(LEDGER_TREE_SUBSCRIBER, '1', TREE_VERSION - 1);
    readModels.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is not read by ledger:verify as the stored tree', () => {
    expect(StoredLeaves.openReadOnly(file)).toBeUndefined();
  });

  it('is dropped, and the subscriber replays the log into the current layout', () => {
    const readModels = new ReadModelDatabase(file);
    try {
      const tree = new LedgerTree(readModels);
      expect(tree.size).toBe(0);
      expect(readModels.checkpoint(LEDGER_TREE_SUBSCRIBER)).toEqual({
        position: undefined,
        version: TREE_VERSION,
      });
      expect(
        readModels.db.prepare(`SELECT name FROM sqlite_master WHERE name = 'ledger_nodes'`).get(),
      ).toBeUndefined();
      const leaf = new Uint8Array(32).fill(7);
      readModels.db.transaction(() => tree.append([{ eventId: 'event-0', hash: leaf }], 0))();
      tree.committed(1);
      expect(tree.node(0, 0)).toEqual(leaf);
      const stored = StoredLeaves.openReadOnly(file)!;
      expect(stored.leaf(0)).toEqual({ eventId: 'event-0', hash: leaf });
      stored.close();
    } finally {
      readModels.close();
    }
  });
});
