import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { ReadUpload } from '../permit-upload.js';
import type { PermitView } from '../permits.read-model.js';

/** An attachment (deed, national card, maps, design files) to a draft or returned application. */
export class AddAttachmentCommand extends Command<PermitView> {
  constructor(
    readonly caller: Caller,
    readonly permitId: string,
    readonly readUpload: ReadUpload,
  ) {
    super();
  }
}
