import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDraft, readiness, signIn, startDaftar, stopDaftar, until } from './daftar-process.js';

// Runs only against a real server, like the EventStoreDB contract suite: e.g. `docker compose up -d
// eventstore` then EVENTSTORE_CONNECTION_STRING='esdb://localhost:2113?tls=false' npm run test:int
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

/** A TCP relay to the EventStoreDB server that the test can cut (every connection dropped) and restore. */
class Relay {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.host);
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(a);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          this.sockets.delete(a);
          b.destroy();
        });
        a.pipe(b);
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    const address = this.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

if (connectionString)
  describe('EventStoreDB lost while the server runs', () => {
    let dataDir: string;
    let relay: Relay;
    beforeEach(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'daftar-fault-esdb-'));
      const target = new URL(connectionString!.replace(/^esdb(\+discover)?:/, 'http:'));
      relay = new Relay(target.hostname, Number(target.port || 2113));
      await relay.open();
    });
    afterEach(async () => {
      await relay.cut();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('fails /ready and answers commands 503 while it is gone, and recovers when it is back', async () => {
      const relayed = new URL(connectionString!.replace(/^esdb(\+discover)?:/, 'http:'));
      relayed.host = `127.0.0.1:${relay.port}`;
      const server = await startDaftar(dataDir, {
        DAFTAR_STORE: 'eventstoredb',
        EVENTSTORE_CONNECTION_STRING: relayed.toString().replace(/^http:/, 'esdb:'),
      });
      try {
        const token = await signIn(server.url, 'citizen');
        expect((await openDraft(server.url, token)).status).toBe(201);

        await relay.cut();
        await until('/ready fails', async () => ((await readiness(server))?.ready ? undefined : true));
        const refused = await openDraft(server.url, token);
        expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([
          503,
          'STORE.UNAVAILABLE',
        ]);

        await relay.open();
        await until('a command succeeds again', async () =>
          (await openDraft(server.url, token)).status === 201 ? true : undefined,
        );
        await until('the server is ready again', async () => (await readiness(server))?.ready);
      } finally {
        await stopDaftar(server, 'SIGKILL');
      }
    }, 180_000);
  });

if (!connectionString) {
  describe('EventStoreDB lost while the server runs', () => {
    console.log(
      'EventStoreDB fault test skipped: EVENTSTORE_CONNECTION_STRING is not set ' +
        "(start one with `docker compose up -d eventstore`, then use 'esdb://localhost:2113?tls=false').",
    );
    it.skip('needs a server', () => undefined);
  });
}
