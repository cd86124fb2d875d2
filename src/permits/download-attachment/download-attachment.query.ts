import { Query } from '@nestjs/cqrs';
import type { Readable } from 'node:stream';
import type { Caller } from '../../identity/auth/caller.decorator.js';

export interface AttachmentContent {
  readonly stream: Readable;
  readonly mediaType: string;
  readonly fileName: string;
}

/** An attached file, or a file the records made on site cite (photos, stage reports), by its SHA-256. */
export class DownloadAttachmentQuery extends Query<AttachmentContent> {
  constructor(
    readonly caller: Caller,
    readonly permitId: string,
    readonly sha256: string,
  ) {
    super();
  }
}
