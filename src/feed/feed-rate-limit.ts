import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { RateLimiter } from '../shared/http/rate-limiter.js';

/** Requests to the feed per principal (an API key, a user), shared by every feed endpoint. */
@Injectable()
export class FeedRateLimit {
  private readonly limiter: RateLimiter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limiter = new RateLimiter(config.feedRateLimitPerMinute, 60_000);
  }

  /** Counts one request; RATE_LIMITED (429 with Retry-After) when the principal is over its limit. */
  take(principalId: string): void {
    this.limiter.take(principalId, Date.now());
  }
}
