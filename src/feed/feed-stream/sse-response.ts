import type { ServerResponse } from 'node:http';

export interface SseOptions {
  /** How often a comment keeps idle proxies from closing the connection. */
  readonly heartbeatMs: number;
  /** How long bytes may wait unread by the client before it counts as stalled. */
  readonly stallMs: number;
}

export const SSE_HEADERS = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache',
  // nginx would otherwise buffer the stream and deliver it in lumps.
  'x-accel-buffering': 'no',
} as const;

/**
 * One Server-Sent Events response, written on the raw socket. At most one chunk waits in memory for a
 * slow reader: `send` waits for it to drain and answers false when the reader stalls or leaves.
 */
export class SseResponse {
  /** Aborted once the stream is over: the client left, it stalled, or it was ended here. */
  readonly over: AbortSignal;
  private readonly controller = new AbortController();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly res: ServerResponse,
    headers: Record<string, string | string[] | number | undefined>,
    private readonly options: SseOptions,
  ) {
    this.over = this.controller.signal;
    res.writeHead(200, { ...headers, ...SSE_HEADERS });
    res.flushHeaders();
    res.once('close', () => this.finish());
    this.heartbeat = setInterval(() => {
      // A stalled reader gets no more bytes: send's wait for drain decides its fate.
      if (!res.writableNeedDrain) res.write(': heartbeat\n\n');
    }, options.heartbeatMs);
  }

  /** Writes the chunk; false when the stream is over or the reader did not drain it within the bound. */
  async send(chunk: string): Promise<boolean> {
    if (this.over.aborted) return false;
    if (this.res.write(chunk)) return true;
    return this.drained();
  }

  /** Ends the stream after a last chunk, which a reader that reads on still gets; idempotent. */
  end(last = ''): void {
    if (this.over.aborted) return;
    this.finish();
    this.res.end(last);
    // A reader that never reads would keep the socket and the chunk forever.
    setTimeout(() => this.res.destroy(), this.options.stallMs).unref();
  }

  private drained(): Promise<boolean> {
    return new Promise((resolve) => {
      const settle = (ok: boolean) => {
        clearTimeout(timer);
        this.res.off('drain', onDrain);
        this.over.removeEventListener('abort', onOver);
        resolve(ok);
      };
      const onDrain = () => settle(true);
      const onOver = () => settle(false);
      const timer = setTimeout(() => settle(false), this.options.stallMs);
      this.res.once('drain', onDrain);
      this.over.addEventListener('abort', onOver, { once: true });
    });
  }

  private finish(): void {
    clearInterval(this.heartbeat);
    this.controller.abort();
  }
}

/** One event of the stream: `data` must hold no line break (JSON.stringify's output never does). */
export function sseEvent(fields: {
  readonly id?: string;
  readonly event?: string;
  readonly data: string;
}): string {
  return `${fields.id !== undefined ? `id: ${fields.id}\n` : ''}${fields.event ? `event: ${fields.event}\n` : ''}data: ${fields.data}\n\n`;
}
