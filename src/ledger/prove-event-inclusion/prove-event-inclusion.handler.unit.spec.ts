import { leafHash } from '../../../signing/transparency/merkle-hashes.js';
import { MemoryNodeStore } from '../../../signing/transparency/memory-node-store.js';
import type { LedgerCheckpoints, StoredCheckpoint } from '../ledger-checkpoints.js';
import type { LedgerTree } from '../ledger-tree.js';
import { ProveEventInclusionHandler } from './prove-event-inclusion.handler.js';
import { ProveEventInclusionQuery } from './prove-event-inclusion.query.js';

describe('an event’s inclusion against the latest checkpoint', () => {
  const ids = ['e0', 'e1', 'e2', 'e3', 'e4'];
  const nodes = new MemoryNodeStore();
  ids.forEach((id) => nodes.append(leafHash(Buffer.from(id))));
  const tree = {
    node: (level: number, index: number) => nodes.node(level, index),
    leafIndexOf: (id: string) => (ids.includes(id) ? ids.indexOf(id) : undefined),
  } as unknown as LedgerTree;
  const signedAt = (latest: StoredCheckpoint | undefined) =>
    new ProveEventInclusionHandler(tree, { latest: () => latest } as unknown as LedgerCheckpoints);
  const checkpoint = { size: 3, note: 'example/daftar\n3\n…\n\n— example …\n', madeAt: '' };

  it('proves a leaf of the latest checkpoint, with that checkpoint’s note', async () => {
    const signed = await signedAt(checkpoint).execute(new ProveEventInclusionQuery('e2'));
    expect(signed).toEqual({
      leafIndex: 2,
      treeSize: 3,
      leafHash: Buffer.from(nodes.node(0, 2)).toString('base64'),
      proof: [Buffer.from(nodes.node(1, 0)).toString('base64')],
      checkpoint: checkpoint.note,
    });
  });

  it.each([
    ['no checkpoint yet', undefined, 'e0'],
    ['a leaf past the latest checkpoint', checkpoint, 'e3'],
    ['an event not in the tree yet', checkpoint, 'e9'],
  ])('answers null for %s', async (_, latest, eventId) => {
    expect(await signedAt(latest).execute(new ProveEventInclusionQuery(eventId))).toBeNull();
  });
});
