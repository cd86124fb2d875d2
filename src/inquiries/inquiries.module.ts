import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ParcelsModule } from '../parcels/parcels.module.js';
import { PermitsModule } from '../permits/permits.module.js';
import { RuleSetsModule } from '../rule-sets/rule-sets.module.js';
import { AnswerInquiryHttpController } from './answer-inquiry/answer-inquiry.http.controller.js';
import { FileInquiryHttpController } from './file-inquiry/file-inquiry.http.controller.js';
import { GetInquiryHttpController } from './get-inquiry/get-inquiry.http.controller.js';
import { TrackingNumbersModule } from '../tracking/claim-tracking-number/tracking-numbers.module.js';
import { InquiriesReadModel } from './inquiries.read-model.js';
import { InquiryAccess } from './inquiry-access.js';
import { InquiryCommandRunner } from './inquiry-command-runner.js';
import { ListInquiriesHttpController } from './list-inquiries/list-inquiries.http.controller.js';
import { CheckInquiriesReaction } from './reactions/check-inquiries.reaction.js';
import { IssueInquiryAnswersReaction } from './reactions/issue-inquiry-answers.reaction.js';

import { AnswerInquiryHandler } from './answer-inquiry/answer-inquiry.handler.js';
import { CheckInquiryHandler } from './check-inquiry/check-inquiry.handler.js';
import { FileInquiryHandler } from './file-inquiry/file-inquiry.handler.js';
import { GetInquiryHandler } from './get-inquiry/get-inquiry.handler.js';
import { ListInquiriesHandler } from './list-inquiries/list-inquiries.handler.js';
/**
 * Property inquiries (استعلام) from notary offices, banks, utilities and citizens: filed, checked against
 * the parcel at once and answered with a signed document when nothing stands in the way, otherwise
 * referred to the clerks' worklist (کارتابل) and checked again when the owner pays.
 */
@Module({
  imports: [
    IdentityModule,
    RuleSetsModule,
    ParcelsModule,
    DocumentsModule,
    PermitsModule,
    TrackingNumbersModule,
  ],
  controllers: [
    ListInquiriesHttpController,
    GetInquiryHttpController,
    FileInquiryHttpController,
    AnswerInquiryHttpController,
  ],
  providers: [
    InquiriesReadModel,
    InquiryAccess,
    InquiryCommandRunner,
    AnswerInquiryHandler,
    CheckInquiryHandler,
    FileInquiryHandler,
    GetInquiryHandler,
    ListInquiriesHandler,
    CheckInquiriesReaction,
    IssueInquiryAnswersReaction,
  ],
  exports: [InquiriesReadModel],
})
export class InquiriesModule {}
