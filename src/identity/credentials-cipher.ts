import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const PREFIX = 'enc:v1:';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * AES-256-GCM under named keys kept outside the event store, for secrets that events must carry
 * (password hashes). Sealed values read `enc:v1:<keyId>:<iv>:<ciphertext>:<tag>` (base64url); the key id
 * is authenticated too. The newest key seals, every loaded key opens: rotating is adding a key.
 */
export class CredentialsCipher {
  private constructor(
    private readonly keys: ReadonlyMap<string, Buffer>,
    readonly currentKeyId: string,
  ) {}

  /**
   * A key file holds one key a line, `<keyId>:<32 bytes in base64url>`, the newest last; `#` lines are
   * comments. Without `create`, a missing file is an error; with it (demo mode) a first key is made,
   * readable by the owner only.
   */
  static open(file: string, { create }: { create: boolean }): CredentialsCipher {
    if (create && !existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, `${newKeyLine()}\n`, { mode: 0o600, flag: 'wx' });
    }
    if (create) chmodSync(file, 0o600);
    return CredentialsCipher.parse(readFileSync(file, 'utf8'), file);
  }

  static parse(text: string, source = 'the credentials key file'): CredentialsCipher {
    const keys = new Map<string, Buffer>();
    let current: string | undefined;
    for (const line of text.split('\n').map((l) => l.trim())) {
      if (line === '' || line.startsWith('#')) continue;
      const [id = '', encoded = '', ...rest] = line.split(':');
      const key = BASE64URL.test(encoded) ? Buffer.from(encoded, 'base64url') : undefined;
      if (!KEY_ID.test(id) || rest.length > 0 || key?.length !== KEY_BYTES || keys.has(id)) {
        throw new Error(`${source}: each line must be <keyId>:<32 bytes in base64url>, with distinct ids`);
      }
      keys.set(id, key);
      current = id;
    }
    if (current === undefined) throw new Error(`${source} holds no key`);
    return new CredentialsCipher(keys, current);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentKeyId)!, iv);
    cipher.setAAD(aad(this.currentKeyId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${PREFIX}${[this.currentKeyId, iv, ciphertext, cipher.getAuthTag()]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join(':')}`;
  }

  /** The plaintext; undefined when no loaded key sealed it, or it was altered, or it is not sealed at all. */
  open(sealed: string): string | undefined {
    const parts = isSealed(sealed) ? sealed.slice(PREFIX.length).split(':') : [];
    if (parts.length !== 4 || !parts.slice(1).every((part) => BASE64URL.test(part))) return undefined;
    const [keyId, iv, ciphertext, tag] = parts as [string, string, string, string];
    const key = this.keys.get(keyId);
    if (key === undefined) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'), {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(aad(keyId));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return undefined;
    }
  }

  /** Whether the value is sealed with the newest key (else it should be sealed again when convenient). */
  sealedWithCurrentKey(value: string): boolean {
    return value.startsWith(`${PREFIX}${this.currentKeyId}:`);
  }
}

export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** A fresh key line for a key file: a random id and key. */
export function newKeyLine(): string {
  return `${randomBytes(6).toString('base64url')}:${randomBytes(KEY_BYTES).toString('base64url')}`;
}

function aad(keyId: string): Buffer {
  return Buffer.from(`${PREFIX}${keyId}`, 'utf8');
}
