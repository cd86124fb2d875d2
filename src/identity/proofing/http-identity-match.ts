import { DomainError } from '../../shared/domain-error.js';
import type { IdentityMatch } from './identity-match.port.js';

export interface HttpIdentityMatchConfig {
  readonly url: string;
  readonly key: string;
  readonly timeoutMs: number;
  /** How long an answer is reused for the same pair. */
  readonly cacheMs: number;
}

const CACHE_LIMIT = 10_000;

const unavailable = () =>
  new DomainError(
    'IDENTITY.MATCH_UNAVAILABLE',
    'The mobile number cannot be checked against the national id right now; try again later',
    'unavailable',
  );

/**
 * The identity-match provider over HTTP: `POST <url>` with `{ nationalId, mobile }` and
 * `Authorization: Bearer <key>`, answered `200 { "matched": boolean }`. Anything else is unavailability.
 * Answers are kept briefly (a second registration step must not ask again), in a bounded map.
 */
export class HttpIdentityMatch implements IdentityMatch {
  readonly kind = 'provider';
  private readonly answers = new Map<string, { matched: boolean; until: number }>();

  constructor(
    private readonly config: HttpIdentityMatchConfig,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly nowMs: () => number = Date.now,
  ) {}

  async matches(nationalId: string, mobile: string): Promise<boolean> {
    const pair = `${nationalId}:${mobile}`;
    const cached = this.answers.get(pair);
    if (cached && cached.until > this.nowMs()) return cached.matched;
    const matched = await this.ask(nationalId, mobile);
    this.answers.delete(pair);
    if (this.answers.size >= CACHE_LIMIT) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(pair, { matched, until: this.nowMs() + this.config.cacheMs });
    return matched;
  }

  private async ask(nationalId: string, mobile: string): Promise<boolean> {
    let response: Response;
    try {
      response = await this.fetchImpl(this.config.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.config.key}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body: JSON.stringify({ nationalId, mobile }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
    } catch {
      throw unavailable();
    }
    if (response.status !== 200) throw unavailable();
    const answer = (await response.json().catch(() => undefined)) as { matched?: unknown } | undefined;
    if (typeof answer?.matched !== 'boolean') throw unavailable();
    return answer.matched;
  }
}
