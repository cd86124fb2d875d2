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
import { AddAttachmentHandler } from './add-attachment/add-attachment.handler.js';
import { AddAttachmentHttpController } from './add-attachment/add-attachment.http.controller.js';
import { ApproveDesignHandler } from './approve-design/approve-design.handler.js';
import { ApproveDesignHttpController } from './approve-design/approve-design.http.controller.js';
import { AssessFeesHandler } from './assess-fees/assess-fees.handler.js';
import { AssignInspectorHandler } from './assign-inspector/assign-inspector.handler.js';
import { AssignInspectorHttpController } from './assign-inspector/assign-inspector.http.controller.js';
import { AutoAssignInspectorHandler } from './assign-inspector/auto-assign-inspector.handler.js';
import { AssignSurveyorHandler } from './assign-surveyor/assign-surveyor.handler.js';
import { AssignSurveyorHttpController } from './assign-surveyor/assign-surveyor.http.controller.js';
import { DownloadAttachmentHandler } from './download-attachment/download-attachment.handler.js';
import { DownloadAttachmentHttpController } from './download-attachment/download-attachment.http.controller.js';
import { ExpirePermitHandler } from './expire-permit/expire-permit.handler.js';
import { GetPermitHandler } from './get-permit/get-permit.handler.js';
import { GetPermitHttpController } from './get-permit/get-permit.http.controller.js';
import { GetPermitTimelineHandler } from './get-permit-timeline/get-permit-timeline.handler.js';
import { GetPermitTimelineHttpController } from './get-permit-timeline/get-permit-timeline.http.controller.js';
import { IssueCompletionCertificateHandler } from './issue-completion-certificate/issue-completion-certificate.handler.js';
import { IssueCompletionCertificateHttpController } from './issue-completion-certificate/issue-completion-certificate.http.controller.js';
import { IssueMapOrderHandler } from './issue-map-order/issue-map-order.handler.js';
import { IssueMapOrderHttpController } from './issue-map-order/issue-map-order.http.controller.js';
import { IssuePermitHandler } from './issue-permit/issue-permit.handler.js';
import { IssuePermitHttpController } from './issue-permit/issue-permit.http.controller.js';
import { ListInspectionsHandler } from './list-inspections/list-inspections.handler.js';
import { ListInspectionsHttpController } from './list-inspections/list-inspections.http.controller.js';
import { ListPermitsHandler } from './list-permits/list-permits.handler.js';
import { ListPermitsHttpController } from './list-permits/list-permits.http.controller.js';
import { NominateEngineerHandler } from './nominate-engineer/nominate-engineer.handler.js';
import { NominateEngineerHttpController } from './nominate-engineer/nominate-engineer.http.controller.js';
import { TrackingNumbersModule } from '../tracking/claim-tracking-number/tracking-numbers.module.js';
import { OpenPermitHandler } from './open-permit/open-permit.handler.js';
import { OpenPermitHttpController } from './open-permit/open-permit.http.controller.js';
import { OverrideFeeHandler } from './override-fee/override-fee.handler.js';
import { OverrideFeeHttpController } from './override-fee/override-fee.http.controller.js';
import { RecordCommissionRulingHandler } from './record-commission-ruling/record-commission-ruling.handler.js';
import { RecordCommissionRulingHttpController } from './record-commission-ruling/record-commission-ruling.http.controller.js';
import { RecordDeskPaymentHandler } from './record-desk-payment/record-desk-payment.handler.js';
import { RecordDeskPaymentHttpController } from './record-desk-payment/record-desk-payment.http.controller.js';
import { RecordPaymentHandler } from './record-payment/record-payment.handler.js';
import { RecordPermitRevocationHandler } from './record-permit-revocation/record-permit-revocation.handler.js';
import { RecordPaymentHttpController } from './record-payment/record-payment.http.controller.js';
import { ReferToCommissionHandler } from './refer-to-commission/refer-to-commission.handler.js';
import { ReferToCommissionHttpController } from './refer-to-commission/refer-to-commission.http.controller.js';
import { RejectPermitHandler } from './reject-permit/reject-permit.handler.js';
import { RejectPermitHttpController } from './reject-permit/reject-permit.http.controller.js';
import { RemoveAttachmentHandler } from './remove-attachment/remove-attachment.handler.js';
import { RemoveAttachmentHttpController } from './remove-attachment/remove-attachment.http.controller.js';
import { InspectStageHandler } from './inspect-stage/inspect-stage.handler.js';
import { InspectStageHttpController } from './inspect-stage/inspect-stage.http.controller.js';
import { ReportEngineerStageHandler } from './report-engineer-stage/report-engineer-stage.handler.js';
import { ReportEngineerStageHttpController } from './report-engineer-stage/report-engineer-stage.http.controller.js';
import { ReportInspectionHandler } from './report-inspection/report-inspection.handler.js';
import { ReportInspectionHttpController } from './report-inspection/report-inspection.http.controller.js';
import { ReportSiteVisitHandler } from './report-site-visit/report-site-visit.handler.js';
import { ReportSiteVisitHttpController } from './report-site-visit/report-site-visit.http.controller.js';
import { RenewPermitHandler } from './renew-permit/renew-permit.handler.js';
import { RenewPermitHttpController } from './renew-permit/renew-permit.http.controller.js';
import { RequestCompletionHandler } from './request-completion/request-completion.handler.js';
import { RequestCompletionHttpController } from './request-completion/request-completion.http.controller.js';
import { RequestRenewalHandler } from './request-renewal/request-renewal.handler.js';
import { RequestRenewalHttpController } from './request-renewal/request-renewal.http.controller.js';
import { WithdrawRenewalHandler } from './withdraw-renewal/withdraw-renewal.handler.js';
import { WithdrawRenewalHttpController } from './withdraw-renewal/withdraw-renewal.http.controller.js';
import { ReturnDesignHandler } from './return-design/return-design.handler.js';
import { ReturnDesignHttpController } from './return-design/return-design.http.controller.js';
import { ReturnPermitHandler } from './return-permit/return-permit.handler.js';
import { ReturnPermitHttpController } from './return-permit/return-permit.http.controller.js';
import { SubmitDesignHandler } from './submit-design/submit-design.handler.js';
import { SubmitDesignHttpController } from './submit-design/submit-design.http.controller.js';
import { SubmitPermitHandler } from './submit-permit/submit-permit.handler.js';
import { SubmitPermitHttpController } from './submit-permit/submit-permit.http.controller.js';
import { TakePermitHandler } from './take-permit/take-permit.handler.js';
import { TakePermitHttpController } from './take-permit/take-permit.http.controller.js';
import { UploadSitePhotoHandler } from './upload-site-photo/upload-site-photo.handler.js';
import { UploadSitePhotoHttpController } from './upload-site-photo/upload-site-photo.http.controller.js';
import { WithdrawPermitHandler } from './withdraw-permit/withdraw-permit.handler.js';
import { WithdrawPermitHttpController } from './withdraw-permit/withdraw-permit.http.controller.js';
import { PermitAccess } from './permit-access.js';
import { PermitCommandRunner } from './permit-command-runner.js';
import { permitBlobReferences } from './permit-blob-references.js';
import { PermitFees } from './permit-fees.js';
import { PermitTimelineReadModel } from './permit-timeline.read-model.js';
import { PermitsReadModel } from './permits.read-model.js';
import { AssessFeesReaction } from './reactions/assess-fees.reaction.js';
import { AssignInspectorsReaction } from './reactions/assign-inspectors.reaction.js';
import { ExpirePermits } from './reactions/expire-permits.js';
import { IssuePermitDocumentsReaction } from './reactions/issue-permit-documents.reaction.js';
import { RecordPermitRevocationsReaction } from './reactions/record-permit-revocations.reaction.js';
import { PermitHistory } from './reactions/permit-history.js';

/**
 * Building-permit files (پروانه ساختمانی), from the application to the completion certificate: every
 * step a command of its role, the worklists (کارتابل), each file's history, and the reactions that
 * assess fees, issue the signed documents and expire permits.
 */
@Module({
  imports: [IdentityModule, RuleSetsModule, ParcelsModule, DocumentsModule, TrackingNumbersModule],
  controllers: [
    AddAttachmentHttpController,
    ApproveDesignHttpController,
    AssignSurveyorHttpController,
    DownloadAttachmentHttpController,
    GetPermitHttpController,
    GetPermitTimelineHttpController,
    IssueCompletionCertificateHttpController,
    IssueMapOrderHttpController,
    IssuePermitHttpController,
    ListPermitsHttpController,
    NominateEngineerHttpController,
    OpenPermitHttpController,
    OverrideFeeHttpController,
    RecordCommissionRulingHttpController,
    RecordPaymentHttpController,
    RecordDeskPaymentHttpController,
    ReferToCommissionHttpController,
    RejectPermitHttpController,
    RemoveAttachmentHttpController,
    ReportInspectionHttpController,
    AssignInspectorHttpController,
    ReportEngineerStageHttpController,
    InspectStageHttpController,
    ListInspectionsHttpController,
    ReportSiteVisitHttpController,
    RequestCompletionHttpController,
    RequestRenewalHttpController,
    WithdrawRenewalHttpController,
    RenewPermitHttpController,
    ReturnDesignHttpController,
    ReturnPermitHttpController,
    SubmitDesignHttpController,
    SubmitPermitHttpController,
    TakePermitHttpController,
    UploadSitePhotoHttpController,
    WithdrawPermitHttpController,
  ],
  providers: [
    PermitsReadModel,
    PermitTimelineReadModel,
    PermitAccess,
    PermitCommandRunner,
    AddAttachmentHandler,
    ApproveDesignHandler,
    AssessFeesHandler,
    AssignSurveyorHandler,
    DownloadAttachmentHandler,
    ExpirePermitHandler,
    GetPermitHandler,
    GetPermitTimelineHandler,
    IssueCompletionCertificateHandler,
    IssueMapOrderHandler,
    IssuePermitHandler,
    ListPermitsHandler,
    NominateEngineerHandler,
    OpenPermitHandler,
    OverrideFeeHandler,
    RecordCommissionRulingHandler,
    RecordPaymentHandler,
    RecordDeskPaymentHandler,
    RecordPermitRevocationHandler,
    ReferToCommissionHandler,
    RejectPermitHandler,
    RemoveAttachmentHandler,
    ReportInspectionHandler,
    AssignInspectorHandler,
    AutoAssignInspectorHandler,
    ReportEngineerStageHandler,
    InspectStageHandler,
    ListInspectionsHandler,
    ReportSiteVisitHandler,
    RequestCompletionHandler,
    RequestRenewalHandler,
    WithdrawRenewalHandler,
    RenewPermitHandler,
    ReturnDesignHandler,
    ReturnPermitHandler,
    SubmitDesignHandler,
    SubmitPermitHandler,
    TakePermitHandler,
    UploadSitePhotoHandler,
    WithdrawPermitHandler,
    PermitFees,
    PermitHistory,
    AssessFeesReaction,
    AssignInspectorsReaction,
    IssuePermitDocumentsReaction,
    RecordPermitRevocationsReaction,
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
  exports: [PermitsReadModel, PermitTimelineReadModel, PermitAccess, PermitCommandRunner],
})
export class PermitsModule {}
