import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { BlobStore, type StoredBlob } from '../../attachments/blob-store.js';
import { UPLOAD_LIMIT_BYTES } from '../../shared/http/create-app.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import { UploadSitePhotoCommand } from './upload-site-photo.command.js';

@CommandHandler(UploadSitePhotoCommand)
export class UploadSitePhotoHandler implements ICommandHandler<UploadSitePhotoCommand> {
  constructor(
    private readonly runner: PermitCommandRunner,
    private readonly blobs: BlobStore,
  ) {}

  async execute({ caller, permitId, readUpload }: UploadSitePhotoCommand): Promise<StoredBlob> {
    // The supervising engineer (مهندس ناظر) of the nominated office files stage reports, papers included.
    const engineer = caller.grant?.role === 'engineer';
    // An inspector uploads to the files whose inspection is theirs, a surveyor as the municipality's staff.
    const relation = engineer ? 'engineer' : caller.grant?.role === 'inspector' ? 'inspector' : 'staff';
    this.runner.fileFor(caller, permitId, relation);
    const upload = await readUpload();
    return this.blobs.put(upload.file, {
      maxBytes: UPLOAD_LIMIT_BYTES,
      allowedTypes: engineer ? ['pdf', 'jpeg', 'png'] : ['jpeg', 'png'],
    });
  }
}
