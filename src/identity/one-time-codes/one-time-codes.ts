import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeDigits } from '../national-id.js';
import { CODE_POLICY } from './one-time-code.js';

const KEY_FILE = 'one-time-code-hmac.key';

/**
 * Draws one-time codes and digests them under a server key kept beside the other keys, outside the
 * event store: a digest of six digits without the key could be reversed by trying all million codes.
 */
export class OneTimeCodes {
  private constructor(private readonly key: Buffer) {}

  static open(keysDir: string): OneTimeCodes {
    const file = join(keysDir, KEY_FILE);
    if (!existsSync(file)) {
      mkdirSync(keysDir, { recursive: true, mode: 0o700 });
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    }
    chmodSync(file, 0o600);
    return new OneTimeCodes(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
  }

  /** A fresh code for `purpose` (`registration`, `consent`) and its id, with the digest to record. */
  draw(purpose: string, id: string): { readonly code: string; readonly digest: string } {
    const code = randomInt(0, 10 ** CODE_POLICY.digits)
      .toString()
      .padStart(CODE_POLICY.digits, '0');
    return { code, digest: this.digestOf(purpose, id, code) };
  }

  /** The digest of a code as a person typed it (Persian or Arabic digits too), bound to what it is for. */
  digestOf(purpose: string, id: string, typed: string): string {
    return createHmac('sha256', this.key)
      .update(`${purpose}\n${id}\n${normalizeDigits(typed.trim())}`)
      .digest('base64url');
  }
}
