import { Command } from '@nestjs/cqrs';
import type { StoredBlob } from '../../attachments/blob-store.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { ReadUpload } from '../permit-upload.js';

/** A site photo the surveyor's report then cites by its SHA-256. */
export class UploadSitePhotoCommand extends Command<StoredBlob> {
  constructor(
    readonly caller: Caller,
    readonly permitId: string,
    readonly readUpload: ReadUpload,
  ) {
    super();
  }
}
