import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  INQUIRY_STATUSES,
  type InquiryView,
  type InquiryStatus,
} from '../../../projections/inquiries/inquiries.projection.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../documents/document.events.js';
import { INQUIRY_KINDS, type InquiryKind } from '../../rule-sets/rule-set.js';
import { isOverdue } from '../list-inquiries/inquiry-worklist.js';
import {
  answerView,
  findingsView,
  type AnswerView,
  type Audience,
  type FindingsView,
} from '../inquiry-answer-view.js';
import {
  INQUIRY_OUTCOMES,
  type AmountDue,
  type InquiryOutcome,
  type InquiryReason,
} from '../inquiry.events.js';
import { ApiTrackingNumber } from '../../tracking/api-tracking-number.js';

const REASONS = {
  type: 'array',
  items: { type: 'object' },
  description:
    '{ code, text, permitId?, violations? }: UNPAID_RENEWAL_DUES, UNPAID_PERMIT_FEES, OPEN_VIOLATION, UNPAID_FINE, DEMOLITION_ORDERED, NO_CONNECTION_BASIS, CLERK',
} as const;
const AMOUNTS = {
  type: 'array',
  items: { type: 'object' },
  description: '{ item: renewal_dues | permit_fees | fine, amount (rials), year?, permitId? }',
} as const;

class FindingsViewDto implements FindingsView {
  @ApiPropertyOptional(REASONS) reasons?: readonly InquiryReason[];
  @ApiPropertyOptional(AMOUNTS) amountsDue?: readonly AmountDue[];
  @ApiPropertyOptional({ description: 'rials, the sum of amountsDue' }) amountDue?: number;
}

class AnswerViewDto extends FindingsViewDto implements AnswerView {
  @ApiProperty({ enum: INQUIRY_OUTCOMES }) outcome!: InquiryOutcome;
  @ApiPropertyOptional({ description: 'Utility inquiries only' }) connectionAllowed?: boolean;
  @ApiProperty({ enum: ['automatic', 'clerk'] }) answeredBy!: 'automatic' | 'clerk';
  @ApiProperty() answeredAt!: string;
}

class AnswerDocumentDto {
  @ApiProperty({ description: 'verify at /v/{code}; fetch at /documents/{code}/…' }) code!: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
}

/**
 * A property inquiry (استعلام) as the caller may see it: staff everything, a requester what its kind
 * of inquiry entitles it to (a utility: whether a connection is allowed, never what the owner owes).
 */
export class InquiryResponseDto {
  @ApiProperty() inquiryId!: string;
  @ApiTrackingNumber() trackingNumber?: string;
  @ApiProperty({ enum: INQUIRY_KINDS }) kind!: InquiryKind;
  @ApiProperty({ example: 'hamedan' }) municipality!: string;
  @ApiProperty({ example: '1-1-1-1-0-0-0' }) renewalCode!: string;
  @ApiPropertyOptional({ description: 'the organisation that filed it' }) organisation?: string;
  @ApiPropertyOptional({ description: 'the citizen who filed it, or for whom a counter office did' })
  requesterNationalId?: string;
  @ApiPropertyOptional({ description: 'the counter office (دفتر پیشخوان) that filed it for the citizen' })
  counterOffice?: string;
  @ApiProperty() requesterReference!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ enum: INQUIRY_STATUSES }) status!: InquiryStatus;
  @ApiPropertyOptional({ type: FindingsViewDto, description: 'while awaiting_clerk: what stands in the way' })
  findings?: FindingsView;
  @ApiPropertyOptional({ type: AnswerViewDto }) answer?: AnswerViewDto;
  @ApiPropertyOptional({ type: AnswerDocumentDto, description: 'the signed answer' })
  document?: AnswerDocumentDto;
  @ApiProperty() filedAt!: string;
  @ApiProperty({ description: 'the rule set’s deadline for the kind' }) dueAt!: string;
  @ApiProperty({ description: 'not answered by dueAt' }) overdue!: boolean;
  @ApiPropertyOptional({ description: 'staff: the clerk who answered' }) clerkId?: string;
  @ApiProperty() updatedAt!: string;
}

export function toInquiryResponse(inquiry: InquiryView, audience: Audience, now: string): InquiryResponseDto {
  const { inquiryId, trackingNumber, kind, municipality, renewalCode, organisation, requesterNationalId } =
    inquiry;
  const { counterOffice } = inquiry;
  const { requesterReference, purpose, status, findings, answer, document, filedAt, dueAt, updatedAt } =
    inquiry;
  return {
    inquiryId,
    ...(trackingNumber ? { trackingNumber } : {}),
    kind,
    municipality,
    renewalCode,
    ...(organisation ? { organisation } : {}),
    ...(requesterNationalId ? { requesterNationalId } : {}),
    ...(counterOffice ? { counterOffice } : {}),
    requesterReference,
    purpose,
    status,
    ...(status === 'awaiting_clerk' && findings ? { findings: findingsView(kind, findings, audience) } : {}),
    ...(answer
      ? {
          answer: {
            ...answerView(kind, answer, audience),
            answeredBy: answer.answeredBy,
            answeredAt: answer.answeredAt,
          },
        }
      : {}),
    ...(document ? { document } : {}),
    filedAt,
    dueAt,
    overdue: isOverdue(inquiry, now),
    ...(audience === 'staff' && answer?.clerkId ? { clerkId: answer.clerkId } : {}),
    updatedAt,
  };
}
