import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditTrail } from '../../audit/audit-trail.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { normalizeDigits } from '../../identity/national-id.js';
import { canonicalMobile } from '../../identity/personal-details.js';
import type { RecordScope } from '../../identity/record-access.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { inquiryScope } from '../../inquiries/inquiry-access.js';
import { InquiriesReadModel, type InquiryView } from '../../inquiries/inquiries.read-model.js';
import { permitScope } from '../../permits/permit-access.js';
import { PermitsReadModel, type PermitView } from '../../permits/permits.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { INQUIRY_NEXT_STEPS, PERMIT_NEXT_STEPS, type NextStep } from '../next-step.js';
import { isTrackingNumber } from '../tracking-number.js';
import { TrackRequestQuery } from './track-request.query.js';
import type { TrackedKind, TrackResponseDto } from './track.response.dto.js';

/** The facts of a tracked file that an answer or its record needs. */
interface Tracked {
  readonly kind: TrackedKind;
  readonly id: string;
  readonly status: string;
  readonly statusSince: string;
  readonly nextStep: NextStep;
  readonly scope: RecordScope;
  /** The citizen whose mobile opens the status to others: the applicant, a citizen requester. */
  readonly ownerNationalId?: string;
}

// One answer for an unknown number, another's file and a wrong mobile: the endpoint is no oracle.
const notFound = () =>
  new DomainError('TRACKING.NOT_FOUND', 'No file you may see has this tracking number', 'not_found');

@QueryHandler(TrackRequestQuery)
export class TrackRequestHandler implements IQueryHandler<TrackRequestQuery> {
  constructor(
    private readonly permits: PermitsReadModel,
    private readonly inquiries: InquiriesReadModel,
    private readonly users: UsersReadModel,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ caller, trackingNumber: given, mobile }: TrackRequestQuery): Promise<TrackResponseDto> {
    const trackingNumber = normalizeDigits(given);
    if (!isTrackingNumber(trackingNumber)) {
      throw new DomainError(
        'TRACKING.INVALID',
        'A tracking number is 10 digits whose last is its check digit',
        'invalid',
      );
    }
    const file = this.find(trackingNumber);
    if (!file) throw notFound();
    const { kind, status, statusSince } = file;
    if (isOwner(caller, file)) {
      const { id, nextStep } = file;
      return {
        trackingNumber,
        kind,
        status,
        statusSince,
        id,
        municipality: file.scope.municipality,
        nextStep,
      };
    }
    if (mobile === undefined || !this.isOwnersMobile(file, canonicalMobile(mobile))) throw notFound();
    const { municipality, region } = file.scope;
    this.trail.accessed(caller, {
      what: 'file_status',
      subject: trackingNumber,
      citizens: [file.ownerNationalId!],
      municipality,
      ...(region === undefined ? {} : { region }),
    });
    return { trackingNumber, kind, status, statusSince };
  }

  private find(trackingNumber: string): Tracked | undefined {
    const permit = this.permits.findOne('trackingNumber', trackingNumber);
    if (permit) return trackedPermit(permit);
    const inquiry = this.inquiries.findOne('trackingNumber', trackingNumber);
    return inquiry && trackedInquiry(inquiry);
  }

  private isOwnersMobile(file: Tracked, mobile: string): boolean {
    if (file.ownerNationalId === undefined) return false;
    const account = this.users.byNationalId(file.ownerNationalId);
    return !!account?.mobile && account.mobile === mobile;
  }
}

/** A permit's applicant, an inquiry's citizen requester or a member (or key) of its organisation. */
function isOwner(caller: Caller, file: Tracked): boolean {
  const access = caller.accessTo(file.scope);
  return access === 'owner' || (file.kind === 'inquiry' && access === 'organisation');
}

const trackedPermit = (permit: PermitView): Tracked => ({
  kind: 'permit',
  id: permit.permitId,
  status: permit.status,
  statusSince: permit.stateSince,
  nextStep: PERMIT_NEXT_STEPS[permit.status],
  scope: permitScope(permit),
  ownerNationalId: permit.applicantNationalId,
});

function trackedInquiry(inquiry: InquiryView): Tracked {
  const since =
    inquiry.status === 'answered'
      ? inquiry.answer?.answeredAt
      : inquiry.status === 'awaiting_clerk'
        ? inquiry.findings?.checkedAt
        : inquiry.filedAt;
  return {
    kind: 'inquiry',
    id: inquiry.inquiryId,
    status: inquiry.status,
    statusSince: since ?? inquiry.updatedAt,
    nextStep: INQUIRY_NEXT_STEPS[inquiry.status],
    scope: inquiryScope(inquiry),
    ...(inquiry.requesterNationalId ? { ownerNationalId: inquiry.requesterNationalId } : {}),
  };
}
