import type Database from 'better-sqlite3';
import type { RecordedEvent } from '../event-store/event-envelope.js';
import { CheckpointedSubscriber } from '../event-store/subscriptions/checkpointed-subscriber.js';
import { eventLeafHash } from './event-leaf.js';
import { LEDGER_TREE_SUBSCRIBER, type LedgerTree, TREE_VERSION } from './ledger-tree.js';

/**
 * Appends every event of the log, in log order, to the ledger's Merkle tree. The nodes of a page and
 * the checkpoint are written in one transaction, so each event is a leaf exactly once.
 */
export class LedgerTreeSubscriber extends CheckpointedSubscriber {
  private readonly appendAll: Database.Transaction<(events: readonly RecordedEvent[]) => void>;

  constructor(private readonly tree: LedgerTree) {
    super(LEDGER_TREE_SUBSCRIBER, tree.readModels);
    this.appendAll = tree.readModels.db.transaction((events: readonly RecordedEvent[]) => {
      tree.append(
        events.map((event) => ({ eventId: event.id, hash: eventLeafHash(event) })),
        tree.size,
      );
      tree.readModels.saveCheckpoint(this.name, events.at(-1)!.position, TREE_VERSION);
    });
  }

  protected delivery() {
    const take = (events: readonly RecordedEvent[]) => {
      this.appendAll(events);
      this.tree.committed(this.tree.size + events.length);
      this.advanced(events.at(-1)!.position);
    };
    return { filter: {}, handler: { onEvent: (event: RecordedEvent) => take([event]), onEvents: take } };
  }
}
