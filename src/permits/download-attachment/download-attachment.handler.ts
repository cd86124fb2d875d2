import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { BlobStore } from '../../attachments/blob-store.js';
import { DomainError } from '../../shared/domain-error.js';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { PermitAccess, permitScope, seenBy } from '../permit-access.js';
import { siteRecordFiles } from '../site-record-files.js';
import { DownloadAttachmentQuery, type AttachmentContent } from './download-attachment.query.js';

@QueryHandler(DownloadAttachmentQuery)
export class DownloadAttachmentHandler implements IQueryHandler<DownloadAttachmentQuery> {
  constructor(
    private readonly access: PermitAccess,
    private readonly blobs: BlobStore,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ caller, permitId, sha256 }: DownloadAttachmentQuery): Promise<AttachmentContent> {
    const permit = this.access.readable(caller, permitId);
    // The applicant's papers only as the caller sees the file; what was recorded on site, to every reader.
    const siteRecord = siteRecordFiles(permit).get(sha256);
    const attachment =
      seenBy(caller, permit).attachments.find((a) => a.sha256 === sha256) ??
      (siteRecord ? { mediaType: 'application/octet-stream', fileName: siteRecord } : undefined);
    if (!attachment) {
      throw new DomainError('ATTACHMENT.NOT_FOUND', 'The file has no such attachment', 'not_found');
    }
    const { mediaType, fileName } = attachment;
    this.trail.accessed(caller, accessOf('permit_attachment', permitId, permitScope(permit)));
    return { stream: await this.blobs.open(sha256), mediaType, fileName };
  }
}
