import { createHash } from 'node:crypto';
import {
  mkdir,
  open as openFile,
  readdir,
  rename,
  rm,
  stat,
  utimes,
  type FileHandle,
} from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../shared/domain-error.js';
import { newId } from '../shared/ids.js';
import { MEDIA_TYPE_OF, SNIFF_BYTES, sniffAttachmentType, type AttachmentType } from './attachment-type.js';

export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
}

export interface BlobLimits {
  readonly maxBytes: number;
  readonly allowedTypes: readonly AttachmentType[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = '.upload-';
const COLLECTING_PREFIX = '.collecting-';

/**
 * Attachment bytes on disk, addressed by their SHA-256: events name a blob by its hash, the same
 * bytes are stored once, and a stored file never changes. Nothing deletes a blob when a request
 * fails, since the same bytes may be in use by another request or event; `removeUnused` collects
 * blobs no event names once they have been left untouched for a grace period.
 */
export class BlobStore {
  constructor(private readonly directory: string) {}

  /** Streams the upload to disk, refusing it (and leaving nothing behind) if too large or of a wrong type. */
  async put(source: AsyncIterable<Uint8Array> | Readable, limits: BlobLimits): Promise<StoredBlob> {
    const temp = new TempFile(this.directory);
    try {
      const received = await receive(source, temp, limits);
      await temp.finish();
      await this.keep(temp.path, received.sha256);
      return received;
    } catch (error) {
      await temp.discard();
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const file = await openFile(this.pathOf(sha256), 'r').catch(notFoundOnMissing);
    return file.createReadStream();
  }

  async has(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    return stat(this.pathOf(sha256)).then(
      () => true,
      () => false,
    );
  }

  async size(sha256: string): Promise<number> {
    return (await stat(this.pathOf(sha256)).catch(notFoundOnMissing)).size;
  }

  /**
   * Marks a blob as just used, so that `removeUnused` leaves it for another grace period: call it
   * before an event names a blob uploaded earlier. False when there is no such blob.
   */
  async touch(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    const now = new Date();
    return utimes(this.pathOf(sha256), now, now).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
  }

  /**
   * Removes the blobs not in `inUse` that nobody stored or touched since `cutoff`, and uploads that
   * broke off before it; answers the hashes removed. A blob is first moved aside and checked again
   * there, so an upload or `touch` of the same bytes meanwhile either keeps it or stores it anew.
   */
  async removeUnused(inUse: ReadonlySet<string>, cutoff: Date): Promise<string[]> {
    const removed: string[] = [];
    for (const entry of await readdir(this.directory, { withFileTypes: true }).catch(emptyOnMissing)) {
      const path = join(this.directory, entry.name);
      if (entry.name.startsWith(COLLECTING_PREFIX)) {
        // Left by a collection that stopped midway: put back, to be judged again.
        await this.restore(path, entry.name.slice(COLLECTING_PREFIX.length));
      } else if (entry.name.startsWith(TEMP_PREFIX)) {
        if (await olderThan(path, cutoff)) await rm(path, { force: true });
      } else if (entry.isDirectory()) {
        for (const sha256 of await readdir(path)) {
          if (SHA256_HEX.test(sha256) && !inUse.has(sha256) && (await this.removeIfOld(sha256, cutoff))) {
            removed.push(sha256);
          }
        }
      }
    }
    return removed;
  }

  private async removeIfOld(sha256: string, cutoff: Date): Promise<boolean> {
    if (!(await olderThan(this.pathOf(sha256), cutoff))) return false;
    const aside = join(this.directory, `${COLLECTING_PREFIX}${sha256}`);
    try {
      await rename(this.pathOf(sha256), aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
    if (await olderThan(aside, cutoff)) {
      await rm(aside, { force: true });
      return true;
    }
    await this.restore(aside, sha256);
    return false;
  }

  private async restore(aside: string, sha256: string): Promise<void> {
    if (!SHA256_HEX.test(sha256) || (await this.has(sha256))) {
      await rm(aside, { force: true });
      return;
    }
    await this.place(aside, this.pathOf(sha256));
  }

  private async keep(tempPath: string, sha256: string): Promise<void> {
    if (await this.touch(sha256)) {
      await rm(tempPath);
      return;
    }
    // Two uploads of the same bytes may both get here; the second rename replaces identical content.
    await this.place(tempPath, this.pathOf(sha256));
  }

  private async place(from: string, path: string): Promise<void> {
    await mkdir(join(path, '..'), { recursive: true });
    await rename(from, path);
    await syncDirectory(join(path, '..'));
  }

  private pathOf(sha256: string): string {
    // Checked first: the hash comes from a URL and must not walk out of the directory.
    if (!SHA256_HEX.test(sha256)) throw notFound();
    return join(this.directory, sha256.slice(0, 2), sha256);
  }
}

/**
 * Reads, counts, hashes and sniffs the upload into the temporary file. It must start reading before
 * its first await: a stream that fails while nobody listens would throw out of the process.
 */
async function receive(
  source: AsyncIterable<Uint8Array> | Readable,
  temp: TempFile,
  limits: BlobLimits,
): Promise<StoredBlob> {
  const hash = createHash('sha256');
  const head: Uint8Array[] = [];
  let size = 0;
  let mediaType: string | undefined;
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limits.maxBytes) throw tooLarge(limits.maxBytes);
    if (mediaType === undefined) {
      head.push(chunk);
      // Decided as soon as enough has arrived, so a wrong file is refused before it is all read.
      if (size >= SNIFF_BYTES) mediaType = typeAllowed(Buffer.concat(head), limits.allowedTypes);
    }
    hash.update(chunk);
    await temp.write(chunk);
  }
  if (size === 0) throw new DomainError('ATTACHMENT.EMPTY', 'The file is empty', 'invalid');
  mediaType ??= typeAllowed(Buffer.concat(head), limits.allowedTypes);
  return { sha256: hash.digest('hex'), size, mediaType };
}

/** The upload while it arrives, created with its first bytes. */
class TempFile {
  // In the same directory as the blobs, so the final rename stays on one file system and is atomic.
  readonly path: string;
  private file: FileHandle | undefined;

  constructor(private readonly directory: string) {
    this.path = join(directory, `${TEMP_PREFIX}${newId()}`);
  }

  async write(chunk: Uint8Array): Promise<void> {
    if (!this.file) {
      await mkdir(this.directory, { recursive: true });
      this.file = await openFile(this.path, 'wx');
    }
    // writeFile, unlike write, finishes a short write.
    await this.file.writeFile(chunk);
  }

  /** Flushes the bytes to the disk before the file gets its final name. */
  async finish(): Promise<void> {
    await this.file?.sync();
    await this.close();
  }

  async discard(): Promise<void> {
    await this.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }

  private async close(): Promise<void> {
    const file = this.file;
    this.file = undefined;
    await file?.close();
  }
}

function typeAllowed(head: Uint8Array, allowed: readonly AttachmentType[]): string {
  const type = sniffAttachmentType(head);
  if (type === undefined || !allowed.includes(type)) {
    throw new DomainError(
      'ATTACHMENT.UNSUPPORTED_TYPE',
      `The file is not one of the accepted types (${allowed.join(', ')})`,
      'invalid',
      { allowed },
    );
  }
  return MEDIA_TYPE_OF[type];
}

export function tooLarge(maxBytes: number): DomainError {
  return new DomainError('ATTACHMENT.TOO_LARGE', `The file is larger than ${maxBytes} bytes`, 'too_large', {
    maxBytes,
  });
}

function notFound(): DomainError {
  return new DomainError('ATTACHMENT.NOT_FOUND', 'No such attachment', 'not_found');
}

function notFoundOnMissing(error: unknown): never {
  throw (error as NodeJS.ErrnoException).code === 'ENOENT' ? notFound() : error;
}

function emptyOnMissing(error: unknown): [] {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
  throw error;
}

/** Whether the file was last written or touched before `cutoff`; false when it is gone. */
async function olderThan(path: string, cutoff: Date): Promise<boolean> {
  return stat(path).then(
    (found) => found.mtimeMs < cutoff.getTime(),
    () => false,
  );
}

/** Makes a rename in the directory survive a power loss, as an acknowledged event does. */
async function syncDirectory(path: string): Promise<void> {
  const directory = await openFile(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
