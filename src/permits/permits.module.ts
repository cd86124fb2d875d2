import { Module } from '@nestjs/common';
import { join } from 'node:path';
import { BlobCollector } from '../attachments/blob-collector.js';
import { BlobStore } from '../attachments/blob-store.js';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ParcelsModule } from '../parcels/parcels.module.js';
import { RuleSetsModule } from '../rule-sets/rule-sets.module.js';
import { AttachDocumentHttpController } from './attach-document/attach-document.http.controller.js';
import { CompletionHttpController } from './completion/completion.http.controller.js';
import { GetPermitTimelineHttpController } from './get-permit-timeline/get-permit-timeline.http.controller.js';
import { GetPermitHttpController } from './get-permit/get-permit.http.controller.js';
import { IssueMapOrderHttpController } from './issue-map-order/issue-map-order.http.controller.js';
import { IssuePermitHttpController } from './issue-permit/issue-permit.http.controller.js';
import { ListPermitsHttpController } from './list-permits/list-permits.http.controller.js';
import { NominateEngineerHttpController } from './nominate-engineer/nominate-engineer.http.controller.js';
import { OpenPermitHttpController } from './open-permit/open-permit.http.controller.js';
import { OverrideFeeHttpController } from './override-fee/override-fee.http.controller.js';
import { PermitAccess } from './permit-access.js';
import { permitBlobReferences } from './permit-blob-references.js';
import { PermitCommands } from './permit-commands.js';
import { PermitFees } from './permit-fees.js';
import { PermitTimelineReadModel } from './permit-timeline.read-model.js';
import { PermitsReadModel } from './permits.read-model.js';
import { AssessFeesReaction } from './reactions/assess-fees.reaction.js';
import { ExpirePermits } from './reactions/expire-permits.js';
import { IssuePermitDocumentsReaction } from './reactions/issue-permit-documents.reaction.js';
import { PermitHistory } from './reactions/permit-history.js';
import { RecordPaymentHttpController } from './record-payment/record-payment.http.controller.js';
import { ReportSiteVisitHttpController } from './report-site-visit/report-site-visit.http.controller.js';
import { ReviewDesignHttpController } from './review-design/review-design.http.controller.js';
import { ReviewPermitHttpController } from './review-permit/review-permit.http.controller.js';
import { SubmitDesignHttpController } from './submit-design/submit-design.http.controller.js';
import { SubmitPermitHttpController } from './submit-permit/submit-permit.http.controller.js';

/**
 * Building-permit files (پروانه ساختمانی), from the application to the completion certificate: every
 * step a command of its role, the worklists (کارتابل), each file's history, and the reactions that
 * assess fees, issue the signed documents and expire permits.
 */
@Module({
  imports: [IdentityModule, RuleSetsModule, ParcelsModule, DocumentsModule],
  controllers: [
    ListPermitsHttpController,
    GetPermitHttpController,
    GetPermitTimelineHttpController,
    OpenPermitHttpController,
    AttachDocumentHttpController,
    SubmitPermitHttpController,
    ReviewPermitHttpController,
    ReportSiteVisitHttpController,
    IssueMapOrderHttpController,
    NominateEngineerHttpController,
    SubmitDesignHttpController,
    ReviewDesignHttpController,
    OverrideFeeHttpController,
    RecordPaymentHttpController,
    IssuePermitHttpController,
    CompletionHttpController,
  ],
  providers: [
    PermitsReadModel,
    PermitTimelineReadModel,
    PermitAccess,
    PermitCommands,
    PermitFees,
    PermitHistory,
    AssessFeesReaction,
    IssuePermitDocumentsReaction,
    ExpirePermits,
    {
      provide: BlobStore,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new BlobStore(join(config.dataDir, 'blobs')),
    },
    {
      provide: BlobCollector,
      inject: [EVENT_STORE, BlobStore, APP_CONFIG],
      useFactory: (store: EventStore, blobs: BlobStore, config: AppConfig) =>
        new BlobCollector(store, blobs, permitBlobReferences, config.blobGraceHours * 3600_000),
    },
  ],
  exports: [PermitsReadModel, PermitTimelineReadModel, PermitAccess, PermitCommands],
})
export class PermitsModule {}
