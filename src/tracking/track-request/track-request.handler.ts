import { Logger } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
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
import { RateLimiter } from '../../shared/http/rate-limiter.js';
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

/**
 * Wrong mobiles a number takes per hour before look-ups of it by mobile answer 404, the right mobile's
 * too: the limit per client address alone is multiplied by every address a guesser holds.
 */
export const WRONG_MOBILES_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

@QueryHandler(TrackRequestQuery)
export class TrackRequestHandler implements IQueryHandler<TrackRequestQuery> {
  private readonly logger = new Logger('Tracking');
  private readonly wrongMobiles = new RateLimiter(WRONG_MOBILES_PER_HOUR, HOUR_MS);

  constructor(
    private readonly permits: PermitsReadModel,
    private readonly inquiries: InquiriesReadModel,
    private readonly users: UsersReadModel,
    private readonly trail: AuditTrail,
  ) {}

  async execute({
    caller,
    trackingNumber: given,
    mobile: givenMobile,
  }: TrackRequestQuery): Promise<TrackResponseDto> {
    const trackingNumber = normalizeDigits(given);
    if (!isTrackingNumber(trackingNumber)) {
      throw new DomainError(
        'TRACKING.INVALID',
        'A tracking number is 10 digits whose last is its check digit',
        'invalid',
      );
    }
    // Before the look-up: a malformed mobile is 400 whether or not the number exists.
    const mobile = givenMobile === undefined ? undefined : canonicalMobile(givenMobile);
    const file = this.find(trackingNumber);
    if (!file) throw notFound();
    const { kind, status, statusSince } = file;
    // The trail leaves out the owner's own read; a counter office acting for them is recorded.
    const access = accessOf('file_status', trackingNumber, file.scope);
    if (isOwner(caller, file)) {
      this.trail.accessed(caller, access);
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
    if (mobile === undefined || !this.opensByMobile(file, trackingNumber, mobile, Date.parse(caller.now)))
      throw notFound();
    this.trail.accessed(caller, access);
    return { trackingNumber, kind, status, statusSince };
  }

  /** Whether the owner's mobile is given, and the number has not taken too many wrong ones this hour. */
  private opensByMobile(file: Tracked, trackingNumber: string, mobile: string, nowMs: number): boolean {
    if (this.wrongMobiles.exhausted(trackingNumber, nowMs)) return false;
    if (this.isOwnersMobile(file, mobile)) return true;
    // Within the limit: the number was not exhausted, so this count reaches the limit at most.
    this.wrongMobiles.take(trackingNumber, nowMs);
    const locked = this.wrongMobiles.exhausted(trackingNumber, nowMs)
      ? `; look-ups of it by mobile answer not found for the rest of the hour`
      : '';
    this.logger.warn(`A wrong mobile for tracking number ${trackingNumber}${locked}`);
    return false;
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
