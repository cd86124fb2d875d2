import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BlobStore } from '../../attachments/blob-store.js';
import { DomainError } from '../../shared/domain-error.js';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { PermitAccess, permitScope } from '../permit-access.js';
import { DownloadAttachmentQuery, type AttachmentContent } from './download-attachment.query.js';

@QueryHandler(DownloadAttachmentQuery)
export class DownloadAttachmentHandler implements IQueryHandler<DownloadAttachmentQuery> {
  constructor(
    private readonly access: PermitAccess,
    private readonly blobs: BlobStore,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ caller, permitId, sha256 }: DownloadAttachmentQuery): Promise<AttachmentContent> {
    const permit = this.access.ownedOrHandled(caller, permitId);
    const attachment =
      permit.attachments.find((a) => a.sha256 === sha256) ??
      (permit.survey?.photos.includes(sha256)
        ? { mediaType: 'application/octet-stream', fileName: `site-photo-${sha256.slice(0, 12)}` }
        : undefined);
    if (!attachment) {
      throw new DomainError('ATTACHMENT.NOT_FOUND', 'The file has no such attachment', 'not_found');
    }
    const { mediaType, fileName } = attachment;
    this.trail.accessed(caller, accessOf('permit_attachment', permitId, permitScope(permit)));
    return { stream: await this.blobs.open(sha256), mediaType, fileName };
  }
}
