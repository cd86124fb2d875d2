import { createHash } from 'node:crypto';
import { mkdir, open as openFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../shared/domain-error.js';
import { newId } from '../shared/ids.js';
import { MEDIA_TYPE_OF, SNIFF_BYTES, sniffAttachmentType, type AttachmentType } from './attachment-type.js';

export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  /** False when the same bytes were stored before: then they belong to someone else too. */
  readonly created: boolean;
}

export interface BlobLimits {
  readonly maxBytes: number;
  readonly allowedTypes: readonly AttachmentType[];
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const TEMP_PREFIX = '.upload-';

/**
 * Attachment bytes on disk, addressed by their SHA-256: events name a blob by its hash, the same
 * bytes are stored once, and a stored file never changes.
 */
export class BlobStore {
  constructor(private readonly directory: string) {}

  /** Streams the upload to disk, refusing it (and leaving nothing behind) if too large or of a wrong type. */
  async put(source: AsyncIterable<Uint8Array> | Readable, limits: BlobLimits): Promise<StoredBlob> {
    const temp = new TempFile(this.directory);
    try {
      const received = await receive(source, temp, limits);
      await temp.finish();
      const created = await this.keep(temp.path, received.sha256);
      return { ...received, created };
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

  /** Removes a blob this upload created when the command that was to reference it was refused. */
  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  private async keep(tempPath: string, sha256: string): Promise<boolean> {
    const path = this.pathOf(sha256);
    if (await this.has(sha256)) {
      await rm(tempPath);
      return false;
    }
    await mkdir(join(path, '..'), { recursive: true });
    // Two uploads of the same bytes may both get here; the second rename replaces identical content.
    await rename(tempPath, path);
    await syncDirectory(join(path, '..'));
    return true;
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
): Promise<Omit<StoredBlob, 'created'>> {
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

/** Makes a rename in the directory survive a power loss, as an acknowledged event does. */
async function syncDirectory(path: string): Promise<void> {
  const directory = await openFile(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
