import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BlobStore } from '../../attachments/blob-store.js';
import { keptFileName } from '../../attachments/file-name.js';
import { DomainError } from '../../shared/domain-error.js';
import { UPLOAD_LIMIT_BYTES } from '../../shared/http/create-app.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitView } from '../permits.read-model.js';
import { AddAttachmentCommand } from './add-attachment.command.js';

const ATTACHMENT_KIND = /^[a-z][a-z0-9_]{1,40}$/;

@CommandHandler(AddAttachmentCommand)
export class AddAttachmentHandler implements ICommandHandler<AddAttachmentCommand> {
  constructor(
    private readonly runner: PermitCommandRunner,
    private readonly blobs: BlobStore,
  ) {}

  async execute({ caller, permitId, readUpload }: AddAttachmentCommand): Promise<PermitView> {
    this.runner.fileFor(caller, permitId, 'applicant');
    const upload = await readUpload();
    const kind = upload.fields['kind'] ?? '';
    if (!ATTACHMENT_KIND.test(kind)) {
      throw new DomainError(
        'PERMIT.INVALID_DOCUMENT_KIND',
        'Send the field kind (e.g. ownership_deed) before the file',
        'invalid',
      );
    }
    const blob = await this.blobs.put(upload.file, {
      maxBytes: UPLOAD_LIMIT_BYTES,
      allowedTypes: ['pdf', 'jpeg', 'png', 'dwg', 'dxf'],
    });
    // Refused or not, the bytes stay: the same ones may be another request's. BlobCollector removes
    // them later if no event names them.
    const { sha256, size, mediaType } = blob;
    const fileName = keptFileName(upload.fileName);
    return this.runner.run(caller, permitId, 'applicant', (p) => ({
      type: 'AddAttachment',
      data: { permitId: p.permitId, attachment: { kind, sha256, size, mediaType, fileName } },
    }));
  }
}
