import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store.js';
import { newId } from '../src/shared/ids.js';
import type { CapturedResponse, FloorServerSpec } from './floor-server-spec.js';

/**
 * The floor of the HTTP figures (issue 18), started in its own process by startFloorServer: a bare
 * `node:http` server that answers the bytes the real server answered, and for a command appends the
 * same event through the same SQLite store (the EventStore port, no Nest) before answering.
 */
const spec = JSON.parse(readFileSync(process.env['FLOOR_SERVER_SPEC']!, 'utf8')) as FloorServerSpec;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | number>;
  readonly body: Buffer;
}

function answerOf(captured: CapturedResponse): Answer {
  const body = Buffer.from(captured.bodyBase64, 'base64');
  return { status: captured.status, headers: { ...captured.headers, 'content-length': body.length }, body };
}

function send(res: ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

const gets = new Map(Object.entries(spec.get).map(([path, captured]) => [path, answerOf(captured)]));
const append = spec.append;
const store = append ? new SqliteEventStore(append.storeFile) : undefined;
const appended = append ? answerOf(append.response) : undefined;
const notFound: Answer = { status: 404, headers: { 'content-length': 0 }, body: Buffer.alloc(0) };

async function appendOne(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // The body is read as the server reads it, and not looked at: the floor decides nothing.
  for await (const _chunk of req);
  const id = newId();
  const data = append!.idField ? { ...append!.data, [append!.idField]: id } : append!.data;
  const recordedAt = new Date().toISOString();
  const metadata = { ...append!.metadata, correlationId: id, causationId: id, recordedAt };
  await store!.append(`${append!.category}-${id}`, [{ id, type: append!.type, data, metadata }], {
    expectedRevision: 'no_stream',
  });
  send(res, appended!);
}

const server = createServer((req, res) => {
  if (req.method === 'GET') {
    if (req.url === '/ready') return send(res, { status: 200, headers: {}, body: Buffer.from('ok') });
    return send(res, gets.get(req.url ?? '') ?? notFound);
  }
  if (req.method === 'POST' && append && req.url === append.path) {
    appendOne(req, res).catch((error: unknown) => {
      process.stderr.write(`floor server: ${String(error)}\n`);
      send(res, { status: 500, headers: {}, body: Buffer.alloc(0) });
    });
    return;
  }
  send(res, notFound);
});
server.listen(Number(process.env['PORT']), process.env['HOST'] ?? '127.0.0.1');

process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void store?.close().finally(() => process.exit(0));
  if (!store) process.exit(0);
});
