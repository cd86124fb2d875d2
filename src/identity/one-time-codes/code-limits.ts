import { RateLimiter } from '../../shared/http/rate-limiter.js';

const HOUR = 3600_000;

/**
 * Limits on sending and checking one-time codes, beside each code's own tries: one person's phone is not
 * to be flooded, and no address may send or guess in bulk. Kept in this process's memory.
 */
export class CodeLimits {
  private readonly sendsPerAddress: RateLimiter;
  private readonly sendsPerNationalId = new RateLimiter(5, HOUR);
  private readonly sendsPerMobile = new RateLimiter(5, HOUR);
  private readonly checksPerAddress = new RateLimiter(30, 10 * 60_000);

  constructor(sendsPerAddressPerHour: number) {
    this.sendsPerAddress = new RateLimiter(sendsPerAddressPerHour, HOUR);
  }

  /** Before a code is sent; the address is checked first, before anything about the person. */
  beforeSend(
    who: { readonly address: string; readonly nationalId: string; readonly mobile?: string },
    nowMs: number,
  ): void {
    this.sendsPerAddress.take(who.address, nowMs);
    this.sendsPerNationalId.take(who.nationalId, nowMs);
    if (who.mobile) this.sendsPerMobile.take(who.mobile, nowMs);
  }

  beforeCheck(address: string, nowMs: number): void {
    this.checksPerAddress.take(address, nowMs);
  }
}
