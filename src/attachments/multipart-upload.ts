import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../shared/domain-error.js';
import { tooLarge } from './blob-store.js';

export interface SingleUpload {
  /** The file's bytes as they arrive; read them once, e.g. with `BlobStore.put`. */
  readonly file: AsyncIterable<Uint8Array>;
  readonly fileName: string;
  /** The text fields, which must come before the file; of a repeated field, the first. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * The one file of a multipart/form-data request, streamed, not buffered. Reading `file` fails with
 * ATTACHMENT.TOO_LARGE once it passes `maxBytes`, and with an error if anything follows the file.
 * A request of another type is refused by the multipart plugin (415 REQUEST.NOT_MULTIPART, see
 * error-response.ts), as are too many fields or files (413).
 */
export async function readSingleUpload(request: FastifyRequest, maxBytes: number): Promise<SingleUpload> {
  const parts = request.parts({ limits: { fileSize: maxBytes } });
  const fields: Record<string, string> = {};
  for (;;) {
    const part = await nextPart(parts);
    if (!part) throw new DomainError('ATTACHMENT.MISSING', 'The request carries no file', 'invalid');
    if (part.type === 'file') {
      return { file: fileThenEnd(part.file, maxBytes, parts), fileName: part.filename, fields };
    }
    fields[part.fieldname] ??= String(part.value);
  }
}

async function* fileThenEnd(
  file: MultipartFile['file'],
  maxBytes: number,
  parts: AsyncIterator<Multipart>,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of file) yield chunk as Buffer;
  } catch (error) {
    throw asUploadError(error);
  }
  // The parser stops a file at the limit and only marks it truncated: the stream itself ends cleanly.
  if (file.truncated) throw tooLarge(maxBytes);
  // The parser reports its limits (one file, ten fields) only to whoever asks for the next part.
  if (await nextPart(parts)) {
    throw new DomainError('REQUEST.UNEXPECTED_PART', 'Send the fields first, then one file', 'invalid');
  }
}

async function nextPart(parts: AsyncIterator<Multipart>): Promise<Multipart | undefined> {
  try {
    const next = await parts.next();
    return next.done ? undefined : next.value;
  } catch (error) {
    throw asUploadError(error);
  }
}

/** Fastify's multipart errors carry their status; the parser's own (a broken body) do not. */
function asUploadError(error: unknown): unknown {
  if (
    error instanceof DomainError ||
    typeof (error as { statusCode?: unknown } | null)?.statusCode === 'number'
  ) {
    return error;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DomainError(
    'REQUEST.MALFORMED_MULTIPART',
    `The multipart body cannot be read: ${reason}`,
    'invalid',
  );
}
