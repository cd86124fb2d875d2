import { RateLimiter } from '../../shared/http/rate-limiter.js';

const HOUR = 3600_000;

/**
 * Limits on sending and checking one-time codes, beside each code's own tries: no address may ask or
 * guess in bulk, and one person's phone is not flooded. A person's budget is spent only on codes that
 * really go to them (after the registry matched), so a stranger's wrong guesses cannot use it up; each
 * purpose has its own. Kept in this process's memory; the durable limit on wrong codes is the decider's.
 */
export class CodeLimits {
  private readonly asksPerAddress: RateLimiter;
  private readonly sendsPerPerson = new RateLimiter(5, HOUR);
  private readonly checksPerAddress = new RateLimiter(30, 10 * 60_000);

  constructor(asksPerAddressPerHour: number) {
    this.asksPerAddress = new RateLimiter(asksPerAddressPerHour, HOUR);
  }

  /** Before anything else is looked at or sent for this address. */
  beforeAsking(address: string, nowMs: number): void {
    this.asksPerAddress.take(address, nowMs);
  }

  /** Before a code goes to a person (`purpose`: `registration`, `consent`). */
  beforeSending(
    purpose: string,
    to: { readonly nationalId: string; readonly mobile: string },
    nowMs: number,
  ): void {
    this.sendsPerPerson.take(`${purpose}:id:${to.nationalId}`, nowMs);
    this.sendsPerPerson.take(`${purpose}:mobile:${to.mobile}`, nowMs);
  }

  beforeCheck(address: string, nowMs: number): void {
    this.checksPerAddress.take(address, nowMs);
  }
}
