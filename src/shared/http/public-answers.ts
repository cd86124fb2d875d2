import type { IncomingHttpHeaders } from 'node:http';
import { LruMap } from '../lru-map.js';

/**
 * Headers that change nothing in an anonymous answer. A request with any other (credentials,
 * `Daftar-Purpose`, `X-On-Behalf-Of`, conditional or range requests) takes the full path.
 */
const HARMLESS_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'referer',
  'dnt',
  'upgrade-insecure-requests',
  'sec-fetch-dest',
  'sec-fetch-mode',
  'sec-fetch-site',
  'sec-fetch-user',
  'sec-ch-ua',
  'sec-ch-ua-mobile',
  'sec-ch-ua-platform',
  'x-request-id',
  'x-correlation-id',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
]);

/**
 * The longest URL and `Accept` kept under: anyone may ask with any query string and header, and a key
 * of kilobytes would let 10,000 answers hold hundreds of megabytes.
 */
const MAX_KEY_LENGTH = 512;

/** Headers of an answer that belong to one exchange, never to the kept answer. */
const PER_EXCHANGE = new Set(['x-request-id', 'content-length', 'date', 'connection', 'keep-alive']);

export interface PublicAnswer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | Buffer;
  /** Runs before a kept answer is given again (a rate limit); false sends the request the full way. */
  readonly admit?: (request: AnsweredRequest) => boolean;
}

export interface AnsweredRequest {
  readonly method: string;
  readonly url: string;
  readonly ip: string;
  readonly headers: IncomingHttpHeaders;
}

interface Kept extends PublicAnswer {
  readonly generation: number;
  readonly until: number;
}

interface Ticket {
  readonly key: string;
  readonly generation: number;
}

export interface PublicAnswersOptions {
  readonly capacity?: number;
  /** How long an answer may be given again without asking, whatever happens meanwhile. */
  readonly maxAgeMs?: number;
}

/**
 * The bytes of answers that are the same for everyone (a parcel's public limits, a document's
 * verification), given again without running the framework's pipeline. An answer is kept only when its
 * route offers it for an anonymous caller and nothing changed while it was made; it is given again
 * only until any read model or the ledger changes (`changed`), and for at most `maxAgeMs`: as fresh
 * as asking, minus the work.
 */
export class PublicAnswers {
  private generation = 0;
  private readonly answers: LruMap<string, Kept>;
  private readonly maxAgeMs: number;
  private readonly tickets = new WeakMap<AnsweredRequest, Ticket>();
  private readonly offers = new WeakMap<AnsweredRequest, Pick<PublicAnswer, 'admit'>>();

  constructor(options: PublicAnswersOptions = {}) {
    this.answers = new LruMap(options.capacity ?? 10_000);
    this.maxAgeMs = options.maxAgeMs ?? 1000;
  }

  /** How many answers are kept now. */
  get size(): number {
    return this.answers.size;
  }

  /** Something an answer may show has changed: every kept answer is forgotten. */
  changed(): void {
    this.generation += 1;
    this.answers.clear();
  }

  /**
   * A request arrives: the kept answer to give it, or undefined, and then the request goes the full way
   * (remembered, so that its answer can be kept if its route offers it).
   */
  arrive(request: AnsweredRequest, nowMs: number): PublicAnswer | undefined {
    const key = keyOf(request);
    if (key === undefined) return undefined;
    const kept = this.answers.get(key);
    if (kept && kept.generation === this.generation && nowMs < kept.until) {
      if (!kept.admit || kept.admit(request)) return kept;
      return undefined;
    }
    this.tickets.set(request, { key, generation: this.generation });
    return undefined;
  }

  /** The route's answer to this request is everyone's (the caller is anonymous); `admit` gates repeats. */
  offer(request: AnsweredRequest, admit?: PublicAnswer['admit']): void {
    this.offers.set(request, admit ? { admit } : {});
  }

  /** The answer leaves: kept when offered, successful, and nothing changed while it was made. */
  leave(request: AnsweredRequest, answer: Omit<PublicAnswer, 'admit'>, nowMs: number): void {
    const ticket = this.tickets.get(request);
    const offer = this.offers.get(request);
    if (!ticket || !offer || answer.statusCode !== 200 || ticket.generation !== this.generation) return;
    this.answers.set(ticket.key, {
      ...answer,
      ...offer,
      generation: ticket.generation,
      until: nowMs + this.maxAgeMs,
    });
  }
}

/** What an anonymous GET is kept under; undefined for any other request. */
function keyOf(request: AnsweredRequest): string | undefined {
  if (request.method !== 'GET') return undefined;
  for (const name in request.headers) if (!HARMLESS_HEADERS.has(name)) return undefined;
  const key = `${request.url}\n${request.headers.accept ?? ''}`;
  return key.length > MAX_KEY_LENGTH ? undefined : key;
}

/** An answer's own headers, as the kept answer gives them again. */
export function keptHeaders(headers: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (PER_EXCHANGE.has(name) || value === undefined) continue;
    kept[name] = String(value);
  }
  return kept;
}
