import type { EventMetadata } from '../src/event-store/event-envelope.js';

/** One answer as the server under test gave it, replayed byte for byte by the floor server. */
export interface CapturedResponse {
  readonly status: number;
  /** The server's own headers, without those Node's `http` adds itself (date, connection, length). */
  readonly headers: Readonly<Record<string, string>>;
  readonly bodyBase64: string;
}

/** What bench/floor-server.ts serves: GET paths with fixed answers, and optionally one appending POST. */
export interface FloorServerSpec {
  readonly get: Readonly<Record<string, CapturedResponse>>;
  readonly append?: {
    readonly path: string;
    /** The SQLite event store's file, opened through the EventStore port as the server opens it. */
    readonly storeFile: string;
    /** Each request appends this event to a new `<category>-<id>` stream, with a new id. */
    readonly category: string;
    readonly type: string;
    readonly data: Readonly<Record<string, unknown>>;
    readonly metadata: EventMetadata;
    /** The data field that holds the stream's id (`permitId`), set to the new id. */
    readonly idField?: string;
    readonly response: CapturedResponse;
  };
}

/** Headers Node's `http` writes itself on every answer, the floor server's as the real server's. */
const NODE_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** Asks the running server once and keeps its answer (status, own headers, body) for the floor server. */
export async function captureResponse(url: string, init: RequestInit = {}): Promise<CapturedResponse> {
  const res = await fetch(url, { ...init, redirect: 'manual' });
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!NODE_HEADERS.has(name)) headers[name] = value;
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (res.status >= 400) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${body}`);
  return { status: res.status, headers, bodyBase64: body.toString('base64') };
}

/** The GET answers of a running server for some paths, as a floor server spec. */
export async function captureGets(baseUrl: string, paths: readonly string[]): Promise<FloorServerSpec> {
  const get: Record<string, CapturedResponse> = {};
  for (const path of paths) get[path] = await captureResponse(`${baseUrl}${path}`);
  return { get };
}
