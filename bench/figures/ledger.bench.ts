import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { consistencyProof, inclusionProof } from '../../signing/transparency/merkle-proofs.js';
import type { NodeReader } from '../../signing/transparency/merkle-tree.js';
import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { ReadModelDatabase } from '../../src/event-store/subscriptions/read-model-database.js';
import { eventEntry } from '../../src/ledger/event-leaf.js';
import { LedgerTree } from '../../src/ledger/ledger-tree.js';
import { LedgerTreeSubscriber } from '../../src/ledger/ledger-tree.subscriber.js';
import { measureSync, round, type BenchContext, type BenchFigure, type Figure } from '../figure.js';
import { templates } from './append-workload.js';

const STORE_FIGURE = 'append.sqlite.c50';
/** A live page is one group commit of the store, and c50's commits hold at most 50 events. */
const PAGE_SIZE = 50;
const BUILD_TRANSACTION_LEAVES = 100_000;
const STEPS_PER_SAMPLE = 100;
const SMALL_TREE = 10_000;
const LARGE_TREE = 1_000_000;

/** The subscriber as the store's subscription drives it: a page of recorded events at a time. */
class PagedLedgerSubscriber extends LedgerTreeSubscriber {
  readonly take = this.delivery().handler.onEvents!;
}

let nextPosition = 0;

/**
 * The permit-like events the store figures append, as the store hands them to subscribers. Ids count
 * up in UUIDv7's shape rather than come from the random generator, which is not the ledger's work.
 * Built field by field as the store builds them: a spread with fields added after it took V8 about 3 µs
 * an event, which the figure counted as the ledger's time.
 */
function recordedEvent(): RecordedEvent {
  const position = nextPosition++;
  const { type, data, metadata } = templates[position % templates.length]!;
  return {
    id: syntheticId(position),
    type,
    stream: `permit-${Math.floor(position / 20)}`,
    revision: BigInt(position % 20),
    position: String(position),
    data,
    metadata,
  };
}

function syntheticId(n: number): string {
  return `0193a0b2-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/**
 * `ledger.append`: leaves/s that the `ledger:tree` subscriber adds from pages of permit-like events:
 * leaf hashing, nodes and checkpoint in one transaction per page, on a real read-model file. Goal: at
 * least twice `append.sqlite.c50`, so the ledger never falls behind the store. The floor is
 * node:crypto's SHA-256 of the same events' leaf entries, serialised beforehand.
 */
async function ledgerAppend(context: BenchContext): Promise<Figure> {
  const readModels = new ReadModelDatabase(join(context.dir, 'read-models.db'));
  const subscriber = new PagedLedgerSubscriber(new LedgerTree(readModels));
  const measured = measureSync(() => {
    void subscriber.take(Array.from({ length: PAGE_SIZE }, recordedEvent));
    return PAGE_SIZE;
  });
  readModels.close();
  const value = round(measured.count / measured.seconds);
  context.log(`${measured.count} leaves in ${measured.seconds.toFixed(2)} s`);

  const entries = Array.from({ length: 1024 }, () => eventEntry(recordedEvent()));
  let next = 0;
  const floorPerSecond = perSecond(() =>
    createHash('sha256')
      .update(Uint8Array.of(0))
      .update(entries[next++ % entries.length]!)
      .digest(),
  );
  const store = context.results.get(STORE_FIGURE);
  return {
    name: 'ledger.append',
    value,
    unit: 'leaves/s',
    pageSize: PAGE_SIZE,
    entryBytes: round(entries.reduce((sum, e) => sum + e.length, 0) / entries.length),
    ...(store
      ? { [STORE_FIGURE]: store.value, ratioToStore: round(value / store.value, 2), goalRatioToStore: 2 }
      : {}),
    floor: { what: 'sha256.entry: SHA-256 of each entry', value: floorPerSecond, unit: 'leaves/s' },
  };
}

/** A tree of `size` synthetic leaves, stored through LedgerTree.append as the subscriber stores them. */
function buildTree(dir: string, size: number): { tree: LedgerTree; close: () => void } {
  const readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
  const tree = new LedgerTree(readModels);
  const appendRange = readModels.db.transaction((from: number, to: number) => {
    const leaves = Array.from({ length: to - from }, (_, offset) => {
      const eventId = syntheticId(from + offset);
      return { eventId, hash: createHash('sha256').update(eventId).digest() };
    });
    tree.append(leaves, from);
  });
  for (let from = 0; from < size; from += BUILD_TRANSACTION_LEAVES) {
    const to = Math.min(size, from + BUILD_TRANSACTION_LEAVES);
    appendRange(from, to);
    tree.committed(to);
  }
  return { tree, close: () => readModels.close() };
}

function randomBelow(n: number): number {
  return Math.floor(Math.random() * n);
}

function perSecond(step: () => void): number {
  const measured = measureSync(() => {
    for (let i = 0; i < STEPS_PER_SAMPLE; i += 1) step();
    return STEPS_PER_SAMPLE;
  });
  return round(measured.count / measured.seconds);
}

/** How many nodes of the tree a proof takes on average (from SQLite or memory), over some random ones. */
function nodesPerProof(tree: LedgerTree, prove: (reader: NodeReader) => void): number {
  let nodes = 0;
  const counting: NodeReader = { node: (level, index) => (nodes++, tree.node(level, index)) };
  const samples = 1000;
  for (let i = 0; i < samples; i += 1) prove(counting);
  return round(nodes / samples, 1);
}

/**
 * `ledger.proof.<size>`: inclusion proofs/s (and consistency proofs/s) for random leaves of a tree
 * of `size` leaves stored as production stores it, each proof up to the whole tree. The floor is
 * random reads of one leaf's node; the 1M tree reports its time per proof against the 10k one's
 * (goal: at most twice).
 */
function ledgerProof(name: string, size: number, tenThousand?: string): BenchFigure {
  return {
    name,
    async run(context) {
      const started = performance.now();
      const { tree, close } = buildTree(context.dir, size);
      context.log(`${size} leaves stored in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      try {
        const inclusion = (reader: NodeReader) => inclusionProof(randomBelow(size), size, reader);
        const consistency = (reader: NodeReader) => consistencyProof(1 + randomBelow(size - 1), size, reader);
        const value = perSecond(() => inclusion(tree));
        const consistencyPerSecond = perSecond(() => consistency(tree));
        const floorPerSecond = perSecond(() => tree.node(0, randomBelow(size)));
        const baseline = tenThousand === undefined ? undefined : context.results.get(tenThousand);
        return {
          name,
          value,
          unit: 'proofs/s',
          leaves: size,
          inclusionNodes: nodesPerProof(tree, inclusion),
          consistencyPerSecond,
          consistencyNodes: nodesPerProof(tree, consistency),
          floor: { what: 'node.read: random node reads', value: floorPerSecond, unit: 'reads/s' },
          ...(baseline
            ? {
                timeRatioTo10k: round(baseline.value / value, 2),
                consistencyTimeRatioTo10k: round(
                  Number(baseline.consistencyPerSecond) / consistencyPerSecond,
                  2,
                ),
                goalTimeRatioTo10k: 2,
              }
            : {}),
        };
      } finally {
        close();
      }
    },
  };
}

// The store's figures run first, so that ledger.append can report its ratio to append.sqlite.c50.
export const ledgerFigures: readonly BenchFigure[] = [
  { name: 'ledger.append', run: ledgerAppend },
  ledgerProof('ledger.proof.10k', SMALL_TREE),
  ledgerProof('ledger.proof.1m', LARGE_TREE, 'ledger.proof.10k'),
];
