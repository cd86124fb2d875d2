import type { DaftarEventType, PerEventType } from '../../../projections/daftar-events.js';
import { REDACTED_PATHS } from '../../audit/get-audit-event/event-redaction.js';
import { requesterAnswer } from './inquiry-answer-policy.js';
import type { AudienceView } from './policy-audience.js';

export type { AudienceView, PolicyAudience } from './policy-audience.js';

/**
 * Personal data by kind: national ids (کد ملی), mobiles and names are masked for an audience without
 * the `pii` scope of the event's category; addresses and user ids, which no mask makes harmless, are
 * removed, and so are digests and signatures over personal data: recomputing one over each of the
 * million national ids a mask leaves open would unmask it. So are tracking numbers (کد رهگیری): with
 * the owner's mobile one opens the file's status at `GET /track`.
 */
export const PERSONAL_KINDS = [
  'nationalId',
  'mobile',
  'name',
  'address',
  'userId',
  'digest',
  'trackingNumber',
] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

/**
 * Paths into an event's data: keys joined by dots, `[]` for every item of a list
 * (`owners[].nationalId`).
 */
export type DataPath = string;

/**
 * How one event type leaves Daftar through the feed, its stream and webhooks. Secrets
 * (`REDACTED_PATHS`) always stay behind and need no mention here.
 */
export type EventPolicy =
  | { readonly published: false; readonly reason: string }
  | {
      readonly published: true;
      /** The stream category its events are in: the `pii` scope and the CloudEvents type name it. */
      readonly category: string;
      readonly personal: Readonly<Record<DataPath, PersonalKind>>;
      readonly view?: AudienceView;
      /** Kept from organisation audiences, which see their inquiries as requesters, not as clerks. */
      readonly staffOnly?: true;
    };

const unpublished = (reason: string): EventPolicy => ({ published: false, reason });
const published = (
  category: string,
  personal: Record<DataPath, PersonalKind> = {},
  more: { readonly view?: AudienceView; readonly staffOnly?: true } = {},
): EventPolicy => ({ published: true, category, personal, ...more });

const ACCOUNTS = 'accounts and their credentials are the identity service’s own, not a municipal fact';
const SIGN_IN = 'sign-in attempts name people and their addresses; they serve security, not integrators';
const REGISTRATION = 'a registration carries a citizen’s mobile and one-time codes until it is confirmed';
const CONSENT = 'a citizen’s consent (رضایت) to a counter office is between the two of them';
const AUDIT = 'the audit trail names citizens who read nothing; it is for them and for oversight';
const PAYMENT = 'gateway intents of one payer; what a file was paid is PermitPaymentRecorded';
const REFUND = 'money going back to one payer (استرداد وجه): their business and the municipality’s';
const WEBHOOKS = 'an integrator’s endpoints and their (sealed) signing secrets are its own business';
const NOTIFICATIONS =
  'messages to one person about their own files: what they were told is theirs, not a municipal fact';
const KEYS = 'API keys are credentials: issuing or revoking one is the administrators’ business';
const TRACKING = 'an index from tracking numbers to files; the file’s opening event carries its own number';

const permit = (personal: Record<DataPath, PersonalKind> = {}) => published('permit', personal);
const parcel = (personal: Record<DataPath, PersonalKind> = {}) => published('parcel', personal);
const OWNERS: Record<DataPath, PersonalKind> = {
  'owners[].nationalId': 'nationalId',
  'owners[].name': 'name',
};

/** One entry per event type: a new type does not compile until its policy says how it is published. */
export const EVENT_POLICIES: PerEventType<EventPolicy> = {
  AccessRecorded: unpublished(AUDIT),
  AuditQueried: unpublished(AUDIT),
  ApiKeyIssued: unpublished(KEYS),
  ApiKeyRevoked: unpublished(KEYS),
  CommissionRuled: permit(),
  CompletionCertificateIssued: permit(),
  CompletionRequested: permit(),
  ConsentCodeRejected: unpublished(CONSENT),
  ConsentGranted: unpublished(CONSENT),
  ConsentRequestEnded: unpublished(CONSENT),
  ConsentRequested: unpublished(CONSENT),
  ConsentWithdrawn: unpublished(CONSENT),
  DesignApproved: permit(),
  DesignReturned: permit(),
  DesignSubmitted: permit({ engineerId: 'userId' }),
  DocumentIssued: published('document', {
    'content.holders[].nationalId': 'nationalId',
    'content.holders[].name': 'name',
    'content.body.trackingNumber': 'trackingNumber',
    contentSha256: 'digest',
    signature: 'digest',
    seal: 'digest',
  }),
  DocumentRevoked: published('document'),
  DocumentSuperseded: published('document'),
  EngineerNominated: permit({ 'nominee.engineerId': 'userId' }),
  EngineerStageReported: permit({ engineerId: 'userId' }),
  FeeOverridden: permit(),
  FeesAssessed: permit(),
  InquiryAnswered: published('inquiry', {}, { view: requesterAnswer }),
  InquiryFiled: published('inquiry', {
    'requester.nationalId': 'nationalId',
    trackingNumber: 'trackingNumber',
  }),
  InquiryReferred: published('inquiry', {}, { staffOnly: true }),
  InspectionAssigned: permit({ inspectorId: 'userId' }),
  InspectionReported: permit({ inspectorId: 'userId' }),
  LoginAttemptsThrottled: unpublished(SIGN_IN),
  LoginFailed: unpublished(SIGN_IN),
  LoginSucceeded: unpublished(SIGN_IN),
  MapOrderIssued: permit(),
  MunicipalityRegistered: published('municipality'),
  OrganisationDeactivated: published('organisation'),
  OrganisationRegistered: published('organisation'),
  ParcelDetailsCorrected: parcel(),
  ParcelOwnershipChanged: parcel(OWNERS),
  ParcelRegistered: parcel(OWNERS),
  PasswordChanged: unpublished(ACCOUNTS),
  PasswordRehashed: unpublished(ACCOUNTS),
  PaymentConfirmed: unpublished(PAYMENT),
  PaymentExpired: unpublished(PAYMENT),
  PaymentFailed: unpublished(PAYMENT),
  PaymentRejectedByFile: unpublished(PAYMENT),
  PaymentStarted: unpublished(PAYMENT),
  // A file's name often names its owner.
  PermitDocumentAttached: permit({ 'attachment.fileName': 'name' }),
  PermitDocumentRemoved: permit(),
  PermitDraftOpened: permit({ applicantNationalId: 'nationalId', trackingNumber: 'trackingNumber' }),
  PermitExpired: permit(),
  PermitIssued: permit(),
  PermitPaymentRecorded: permit(),
  PermitRejected: permit(),
  PermitReturned: permit(),
  PermitRevoked: permit(),
  PermitRenewalRequested: permit(),
  PermitRenewed: permit(),
  PermitRenewalWithdrawn: permit(),
  PermitSubmitted: permit(),
  PermitTaken: permit({ clerkId: 'userId' }),
  PermitWithdrawn: permit(),
  ReferredToCommission: permit(),
  RefundApproved: unpublished(REFUND),
  RefundDeclined: unpublished(REFUND),
  RefundPaid: unpublished(REFUND),
  RefundPayoutFailed: unpublished(REFUND),
  RefundPayoutStarted: unpublished(REFUND),
  RefundRequested: unpublished(REFUND),
  RegionAdded: published('municipality'),
  RegistrationCodeRejected: unpublished(REGISTRATION),
  RegistrationCodeResent: unpublished(REGISTRATION),
  RegistrationConfirmed: unpublished(REGISTRATION),
  RegistrationEnded: unpublished(REGISTRATION),
  RegistrationStarted: unpublished(REGISTRATION),
  RenewalDuesBilled: parcel(),
  RenewalDuesPaid: parcel(),
  RoleGranted: unpublished(ACCOUNTS),
  RoleRevoked: unpublished(ACCOUNTS),
  RuleSetPublished: published('ruleset'),
  SiteVisitReported: permit({ surveyorId: 'userId' }),
  StageInspected: permit({ inspectorId: 'userId' }),
  SurveyorAssigned: permit({ surveyorId: 'userId' }),
  TrackingNumberClaimed: unpublished(TRACKING),
  UserCreated: unpublished(ACCOUNTS),
  UserDisabled: unpublished(ACCOUNTS),
  NotificationPreferencesSet: unpublished(ACCOUNTS),
  NotificationQueued: unpublished(NOTIFICATIONS),
  NotificationSent: unpublished(NOTIFICATIONS),
  NotificationFailed: unpublished(NOTIFICATIONS),
  NotificationSkipped: unpublished(NOTIFICATIONS),
  UsernameClaimed: unpublished(ACCOUNTS),
  WebhookDeleted: unpublished(WEBHOOKS),
  WebhookDisabled: unpublished(WEBHOOKS),
  WebhookRegistered: unpublished(WEBHOOKS),
  WebhookReplayRequested: unpublished(WEBHOOKS),
  WebhookSecretRotated: unpublished(WEBHOOKS),
};

/** The policy of a type as stored, or undefined for a name no event type has. */
export function policyOf(type: string): EventPolicy | undefined {
  return Object.hasOwn(EVENT_POLICIES, type) ? EVENT_POLICIES[type as DaftarEventType] : undefined;
}

/** Paths that never leave, for any audience: the secrets oversight never sees either. */
export function secretPathsOf(type: DaftarEventType): readonly DataPath[] {
  return REDACTED_PATHS[type];
}

export const PUBLISHED_TYPES = (Object.keys(EVENT_POLICIES) as DaftarEventType[]).filter(
  (type) => EVENT_POLICIES[type].published,
);

/** The published types an organisation audience may see at all (within its categories). */
export const ORGANISATION_TYPES: readonly DaftarEventType[] = PUBLISHED_TYPES.filter((type) => {
  const policy = EVENT_POLICIES[type];
  return policy.published && !policy.staffOnly;
});

/** The categories of published events: what a feed scope and filter may name. */
export const FEED_CATEGORIES: readonly string[] = [
  ...new Set(
    PUBLISHED_TYPES.map((type) => {
      const policy = EVENT_POLICIES[type];
      return policy.published ? policy.category : '';
    }),
  ),
].sort();
