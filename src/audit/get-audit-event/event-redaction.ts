import type { PerEventType } from '../../../projections/daftar-events.js';

/**
 * Paths of event data never shown, even to oversight: sealed password hashes, digests of one-time codes
 * and of API key secrets. One entry per event type, so a new type must say what it hides.
 */
export const REDACTED_PATHS: PerEventType<readonly string[]> = {
  AccessRecorded: [],
  ApiKeyIssued: ['secretSha256'],
  ApiKeyRevoked: [],
  AuditQueried: [],
  CommissionRuled: [],
  CompletionCertificateIssued: [],
  CompletionRequested: [],
  ConsentCodeRejected: [],
  ConsentGranted: [],
  ConsentRequestEnded: [],
  ConsentRequested: ['code.digest'],
  ConsentWithdrawn: [],
  DesignApproved: [],
  DesignReturned: [],
  DesignSubmitted: [],
  DocumentIssued: [],
  DocumentRevoked: [],
  DocumentSuperseded: [],
  EngineerNominated: [],
  EngineerStageReported: [],
  FeeOverridden: [],
  FeesAssessed: [],
  InquiryAnswered: [],
  InquiryFiled: [],
  InquiryReferred: [],
  InspectionAssigned: [],
  InspectionReported: [],
  LoginAttemptsThrottled: [],
  LoginFailed: [],
  LoginSucceeded: [],
  MapOrderIssued: [],
  MunicipalityRegistered: [],
  OrganisationDeactivated: [],
  OrganisationRegistered: [],
  ParcelDetailsCorrected: [],
  ParcelOwnershipChanged: [],
  ParcelRegistered: [],
  PasswordChanged: ['passwordHash'],
  PasswordRehashed: ['passwordHash'],
  PaymentConfirmed: [],
  PaymentExpired: [],
  PaymentFailed: [],
  PaymentRejectedByFile: [],
  PaymentStarted: [],
  PermitDocumentAttached: [],
  PermitDocumentRemoved: [],
  PermitDraftOpened: [],
  PermitExpired: [],
  PermitIssued: [],
  PermitPaymentRecorded: [],
  PermitRejected: [],
  PermitReturned: [],
  PermitRevoked: [],
  PermitRenewalRequested: [],
  PermitRenewed: [],
  PermitRenewalWithdrawn: [],
  PermitSubmitted: [],
  PermitTaken: [],
  PermitWithdrawn: [],
  ReferredToCommission: [],
  RefundApproved: [],
  RefundDeclined: [],
  RefundPaid: [],
  RefundPayoutFailed: [],
  RefundPayoutStarted: [],
  RefundRequested: [],
  RegionAdded: [],
  RegistrationCodeRejected: [],
  RegistrationCodeResent: ['code.digest'],
  RegistrationConfirmed: [],
  RegistrationEnded: [],
  RegistrationStarted: ['passwordHash', 'code.digest'],
  RenewalDuesBilled: [],
  RenewalDuesPaid: [],
  RoleGranted: [],
  RoleRevoked: [],
  RuleSetPublished: [],
  SiteVisitReported: [],
  StageInspected: [],
  SurveyorAssigned: [],
  TrackingNumberClaimed: [],
  UserCreated: ['passwordHash'],
  UserDisabled: [],
  NotificationPreferencesSet: [],
  NotificationQueued: [],
  NotificationSent: [],
  NotificationFailed: [],
  NotificationSkipped: [],
  UsernameClaimed: [],
  WebhookDeleted: [],
  WebhookDisabled: [],
  WebhookRegistered: ['secret'],
  WebhookReplayRequested: [],
  WebhookSecretRotated: ['secret'],
};

/** Metadata never shown: the digest of an idempotent request, keyed by its `Idempotency-Key`. */
const REDACTED_METADATA = ['requestDigest'] as const;

export const REDACTED = '[redacted]';

/** The event's data and metadata with every secret path replaced by a marker. */
export function redacted<
  E extends { readonly type: string; readonly data: unknown; readonly metadata: object },
>(event: E): { data: unknown; metadata: object } {
  const paths = Object.hasOwn(REDACTED_PATHS, event.type)
    ? (REDACTED_PATHS[event.type as keyof typeof REDACTED_PATHS] as readonly string[])
    : undefined;
  const metadata: Record<string, unknown> = { ...event.metadata };
  for (const key of REDACTED_METADATA) if (key in metadata) metadata[key] = REDACTED;
  // A type this version does not know may carry anything: none of its data is shown.
  return { data: paths ? paths.reduce(without, event.data) : REDACTED, metadata };
}

function without(value: unknown, path: string): unknown {
  const [head, ...rest] = path.split('.');
  if (typeof value !== 'object' || value === null || !(head! in value)) return value;
  const copy = { ...(value as Record<string, unknown>) };
  copy[head!] = rest.length === 0 ? REDACTED : without(copy[head!], rest.join('.'));
  return copy;
}
