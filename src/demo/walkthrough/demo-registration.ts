import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** A national id nobody in the demo has: nine random digits and their check digit. */
export function freshNationalId(): string {
  const digits = Array.from({ length: 9 }, () => randomInt(0, 10));
  const sum = digits.reduce((total, digit, i) => total + digit * (10 - i), 0);
  const r = sum % 11;
  return [...digits, r < 2 ? r : 11 - r].join('');
}

/**
 * The code in the latest message to `mobile` in the demo SMS outbox, as a person reads it off their
 * phone; waits a moment for it, since the server writes it while answering.
 */
export async function codeFromOutbox(outbox: string, mobile: string, timeoutMs = 5000): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const lines = existsSync(outbox) ? readFileSync(outbox, 'utf8').split('\n').filter(Boolean) : [];
    const text = lines
      .map((line) => JSON.parse(line) as { to: string; text: string })
      .filter((m) => m.to === mobile)
      .at(-1)?.text;
    const code = text && /\b(\d{6})\b/.exec(text)?.[1];
    if (code) return code;
    if (Date.now() > until)
      throw new Error(`no code for ${mobile} in ${outbox}; is the server in demo mode?`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
