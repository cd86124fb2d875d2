import { get, type IncomingMessage } from 'node:http';

export interface SseMessage {
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  /** A comment line's text (`: heartbeat` → `heartbeat`). */
  readonly comment?: string;
}

/**
 * A small Server-Sent Events reader over node:http, as an integrator's client would be: it keeps
 * every message, and can stop reading (pause the socket) to play a consumer that cannot keep up.
 */
export class SseClient {
  readonly messages: SseMessage[] = [];
  /** Bytes of the body received so far. */
  received = 0;
  private buffer = '';
  private waiters = new Set<() => void>();
  private ended = false;

  private constructor(readonly response: IncomingMessage) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      this.received += Buffer.byteLength(chunk);
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        this.messages.push(parse(this.buffer.slice(0, end)));
        this.buffer = this.buffer.slice(end + 2);
      }
      this.wake();
    });
    response.on('close', () => {
      this.ended = true;
      this.wake();
    });
  }

  /** Opens the stream; resolves once the status and headers are in. */
  static open(url: string, headers: Record<string, string>, options: { paused?: boolean } = {}) {
    return new Promise<SseClient>((resolve, reject) => {
      const request = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
        if (options.paused) response.pause();
        resolve(new SseClient(response));
      });
      request.on('error', reject);
    });
  }

  get status(): number {
    return this.response.statusCode!;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** The events of the feed received: messages with data and no event name. */
  get events(): { id: string; data: { id: string; type: string; daftarposition: string } }[] {
    return this.messages
      .filter((m) => m.data !== undefined && m.event === undefined)
      .map((m) => ({ id: m.id!, data: JSON.parse(m.data!) as never }));
  }

  resume(): void {
    this.response.resume();
  }

  close(): void {
    this.response.destroy();
  }

  /** Waits until `done` holds for what was received, or fails after `timeoutMs`. */
  async until(done: (client: SseClient) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this)) {
      if (this.ended) throw new Error(`the stream ended before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private wake(): void {
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }
}

function parse(block: string): SseMessage {
  const message: Record<string, string> = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) message['comment'] = line.slice(1).trim();
    const colon = line.indexOf(': ');
    if (colon > 0) message[line.slice(0, colon)] = line.slice(colon + 2);
  }
  return message;
}
