import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signCheckpoint } from '../../signing/transparency/checkpoint.js';
import { MemoryNodeStore } from '../../signing/transparency/memory-node-store.js';
import { leafHash } from '../../signing/transparency/merkle-hashes.js';
import { consistencyProof, inclusionProof } from '../../signing/transparency/merkle-proofs.js';
import { rootAt } from '../../signing/transparency/merkle-tree.js';
import {
  type NoteSigner,
  privateKeyFrom,
  verifierKeyOf,
} from '../../signing/transparency/note-verifier-key.js';

export interface FakeLedgerOptions {
  readonly origin: string;
  /** Leaves `event-0`, `event-1`, …; the latest checkpoint signs them all. */
  readonly leaves: number;
  /** The key checkpoints are signed with: a fresh one named the origin by default. */
  readonly signer?: NoteSigner;
  /** The leaf whose event was changed: this server's log was rewritten there. */
  readonly rewrittenLeaf?: number;
  /** Serve every proof with one bit flipped. */
  readonly tamperProofs?: boolean;
  /** Document codes and the leaf of their issuing event; `null`: not in a signed checkpoint yet. */
  readonly documents?: Readonly<Record<string, number | null>>;
}

interface Answer {
  readonly status: number;
  readonly body: string;
}

const b64 = (hash: Uint8Array) => Buffer.from(hash).toString('base64');
const problem = (status: number, code: string): Answer => ({
  status,
  body: JSON.stringify({ status, code, detail: code }),
});

/**
 * A stand-in for a Daftar deployment's public ledger routes, with a tree in memory: for checking a
 * ledger client against servers that misbehave as a real one must not (rewritten, shrunk, forged).
 */
export class FakeLedger {
  readonly signer: NoteSigner;
  readonly verifierKey: string;
  private readonly tree = new MemoryNodeStore();

  constructor(private readonly options: FakeLedgerOptions) {
    this.signer = options.signer ?? {
      name: options.origin,
      privateKey: generateKeyPairSync('ed25519').privateKey,
    };
    this.verifierKey = verifierKeyOf(
      this.signer.name,
      createPublicKey(privateKeyFrom(this.signer.privateKey)),
    );
    for (let i = 0; i < options.leaves; i += 1) {
      const rewritten = i === options.rewrittenLeaf ? '-rewritten' : '';
      this.tree.append(leafHash(Buffer.from(`event-${i}${rewritten}`)));
    }
  }

  /** The signed checkpoint of the first `size` leaves. */
  note(size = this.options.leaves): string {
    return signCheckpoint(
      { origin: this.options.origin, size, rootHash: rootAt(size, this.tree) },
      this.signer,
    );
  }

  /** What the deployment answers to GET `pathAndQuery`. */
  answer(pathAndQuery: string): Answer {
    const url = new URL(pathAndQuery, 'http://fake');
    const number = (name: string) => Number(url.searchParams.get(name));
    const size = this.options.leaves;
    if (url.pathname === '/.well-known/daftar/ledger-key')
      return { status: 200, body: `${this.verifierKey}\n` };
    if (url.pathname === '/ledger/checkpoint') {
      return size === 0 ? problem(404, 'LEDGER.NO_CHECKPOINT') : { status: 200, body: this.note() };
    }
    if (url.pathname === '/ledger/proof/consistency') {
      const [from, to] = [number('from'), number('to')];
      if (to > size) return problem(400, 'LEDGER.BEYOND_CHECKPOINT');
      return this.json({ from, to, proof: this.proof(consistencyProof(from, to, this.tree)) });
    }
    if (url.pathname === '/ledger/proof/inclusion') {
      const match = /^event-(\d+)$/.exec(url.searchParams.get('eventId') ?? '');
      const index = Number(match?.[1]);
      if (!match || index >= size) return problem(404, 'LEDGER.UNKNOWN_EVENT');
      if (index >= number('size')) return problem(400, 'LEDGER.INVALID_PROOF_REQUEST');
      return this.json(this.inclusion(index, number('size')));
    }
    const code = /^\/v\/(.+)$/.exec(url.pathname)?.[1];
    const leaf = code === undefined ? undefined : this.options.documents?.[decodeURIComponent(code)];
    if (leaf === undefined) return problem(404, 'NOT_FOUND');
    const { proof, ...inclusion } = leaf === null ? { proof: [] } : this.inclusion(leaf, size);
    return this.json({
      status: 'valid',
      kind: 'BuildingPermit',
      ledger: leaf === null ? null : { ...inclusion, inclusionProof: proof, checkpoint: this.note() },
      ...(leaf === null && { ledgerReason: 'NOT_YET_SIGNED' }),
    });
  }

  /** The routes as `fetch` answers them, without a socket. */
  readonly fetch = (url: string): Promise<Response> => {
    const { pathname, search } = new URL(url);
    const { status, body } = this.answer(`${pathname}${search}`);
    return Promise.resolve(new Response(body, { status }));
  };

  /** The routes over HTTP on 127.0.0.1. */
  async serve(): Promise<{ readonly url: string; close(): Promise<void> }> {
    const server = createServer((request, response) => {
      const { status, body } = this.answer(request.url ?? '/');
      response.writeHead(status, {
        'content-type': body.startsWith('{') ? 'application/json' : 'text/plain',
      });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  private inclusion(index: number, size: number) {
    return {
      leafIndex: index,
      treeSize: size,
      leafHash: b64(this.tree.node(0, index)),
      proof: this.proof(inclusionProof(index, size, this.tree)),
    };
  }

  private proof(hashes: readonly Uint8Array[]): string[] {
    if (this.options.tamperProofs && hashes.length > 0) {
      const [first, ...rest] = hashes;
      hashes = [Uint8Array.from(first!, (byte, i) => (i === 0 ? byte ^ 1 : byte)), ...rest];
    }
    return hashes.map(b64);
  }

  private json(body: unknown): Answer {
    return { status: 200, body: JSON.stringify(body) };
  }
}
