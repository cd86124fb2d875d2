import { CredentialsCipher, isSealed } from './credentials-cipher.js';
import { hashPassword, needsRehash, verifyPassword } from './password-hasher.js';

/**
 * Passwords as events store them: the scrypt hash sealed with the credentials key, so the log never
 * holds a hash anyone could start guessing against. Values written before that (a plain scrypt hash)
 * stay valid and are upgraded at the next sign-in.
 */
export class PasswordVault {
  constructor(private readonly cipher: CredentialsCipher) {}

  /** The value to store for a new password: a fresh scrypt hash, sealed with the newest key. */
  async protectPassword(password: string): Promise<string> {
    return this.cipher.seal(await hashPassword(password));
  }

  /** True when the password matches a stored value, sealed or (from older events) plain. */
  async checkPassword(password: string, stored: string): Promise<boolean> {
    const hash = isSealed(stored) ? this.cipher.open(stored) : stored;
    return hash !== undefined && verifyPassword(password, hash);
  }

  /** Whether a stored value should be protected anew: plain, sealed with an older key, or weaker scrypt. */
  needsUpgrade(stored: string): boolean {
    if (!this.cipher.sealedWithCurrentKey(stored)) return true;
    const hash = this.cipher.open(stored);
    return hash === undefined || needsRehash(hash);
  }
}
