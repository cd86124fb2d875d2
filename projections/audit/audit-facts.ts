import type { DaftarEvent, DaftarEventType } from '../daftar-events.js';
import type { AuditQueryArea } from '../../src/audit/audit.events.js';
import type { Grant } from '../../src/identity/roles.js';
import { municipalRegionOf, parseRenewalCode } from '../../src/parcels/renewal-code.js';

/**
 * What one event says about where it happened and whom it is about. `about` is the stream's own
 * identity (a permit's id, parcel and applicant), carried to its later events; `mentions` are this
 * event's alone (the clerk a file was given to).
 */
export interface AuditFacts {
  readonly municipality?: string;
  readonly region?: string;
  readonly about?: readonly string[];
  readonly mentions?: readonly string[];
  /** Further places the event belongs to as well: an audit query over several cities is each one's. */
  readonly alsoIn?: readonly AuditPlace[];
  /**
   * The place is the event's own, neither taken from the stream's earlier events nor left to its later
   * ones: a reader's stream of records spans every place they read or searched.
   */
  readonly ownPlace?: true;
}

/** Where an entry belongs: a municipality, and a region of it when the event names one. */
export interface AuditPlace {
  readonly municipality: string;
  readonly region?: string;
}

type DataOf<T extends DaftarEventType> = Extract<DaftarEvent, { readonly type: T }>['data'];

/** One entry per event type (like `PerEventType`), each reading its own event's data. */
type FactsTable = { readonly [T in DaftarEventType]: (data: DataOf<T>) => AuditFacts };

export const subject = {
  permit: (id: string) => `permit:${id}`,
  inquiry: (id: string) => `inquiry:${id}`,
  renewal: (code: string) => `renewal:${code}`,
  document: (code: string) => `document:${code}`,
  national: (id: string) => `national:${id}`,
  user: (id: string) => `user:${id}`,
  username: (name: string) => `username:${name}`,
  organisation: (id: string) => `organisation:${id}`,
  payment: (id: string) => `payment:${id}`,
  refund: (id: string) => `refund:${id}`,
  consent: (id: string) => `consent:${id}`,
  apiKey: (id: string) => `apikey:${id}`,
  municipality: (code: string) => `municipality:${code}`,
  webhook: (id: string) => `webhook:${id}`,
  tracking: (trackingNumber: string) => `tracking:${trackingNumber}`,
} as const;

const none: AuditFacts = {};
const only = (...mentions: string[]): AuditFacts => ({ mentions });
const permitOnly = (): AuditFacts => none;

/** A parcel's place: its municipality and the region its renewal code (کد نوسازی) names. */
function parcel(municipality: string, renewalCode: string): AuditFacts {
  return { municipality, region: regionOf(renewalCode), about: [subject.renewal(renewalCode)] };
}

function regionOf(renewalCode: string): string | undefined {
  try {
    return municipalRegionOf(parseRenewalCode(renewalCode));
  } catch {
    return undefined;
  }
}

/** The stream a document certifies (`permit-…`, `inquiry-…`) as a subject key. */
function streamSubject(stream: string): string[] {
  const dash = stream.indexOf('-');
  const [category, id] = [stream.slice(0, dash), stream.slice(dash + 1)];
  return category === 'permit' || category === 'inquiry' ? [`${category}:${id}`] : [];
}

const ACCESSED: { readonly [what in DataOf<'AccessRecorded'>['what']]: (id: string) => string } = {
  permit_file: subject.permit,
  permit_attachment: subject.permit,
  document_content: subject.document,
  inquiry: subject.inquiry,
  parcel_owners: subject.renewal,
  parcel_debts: subject.renewal,
  citizen_profile: subject.user,
  permit_summary: subject.permit,
  payment: subject.payment,
  file_status: subject.tracking,
};

/**
 * An audit query belongs to every municipality it covered; to a region of one only when it covered
 * just that region there (a query over several regions is the whole-city oversight's to see).
 */
function queryPlaces(areas: readonly AuditQueryArea[]): AuditFacts {
  const [first, ...rest] = areas.map((a): AuditPlace => ({
    municipality: a.municipality,
    ...(a.regions?.length === 1 ? { region: a.regions[0] } : {}),
  }));
  return { ...first, ...(rest.length > 0 ? { alsoIn: rest } : {}), ownPlace: true };
}

const grantMunicipality = (grants: readonly Grant[]) => grants.find((g) => g.municipality)?.municipality;

export const AUDIT_FACTS: FactsTable = {
  AccessRecorded: (d) => ({
    ...(d.municipality ? { municipality: d.municipality } : {}),
    ...(d.municipality && d.region ? { region: d.region } : {}),
    ownPlace: true,
    mentions: [ACCESSED[d.what](d.subject), ...d.citizens.map(subject.national)],
  }),
  AuditQueried: (d) => queryPlaces(d.areas ?? []),
  ApiKeyIssued: (d) => ({ about: [subject.apiKey(d.keyId), subject.organisation(d.organisation)] }),
  ApiKeyRevoked: (d) => ({ about: [subject.apiKey(d.keyId)] }),
  CommissionRuled: permitOnly,
  CompletionCertificateIssued: permitOnly,
  CompletionRequested: permitOnly,
  ConsentCodeRejected: (d) => ({ about: [subject.consent(d.consentId)] }),
  ConsentGranted: (d) => ({ about: [subject.consent(d.consentId)] }),
  ConsentRequestEnded: (d) => ({ about: [subject.consent(d.consentId)] }),
  ConsentRequested: (d) => ({
    about: [
      subject.consent(d.consentId),
      subject.organisation(d.office),
      subject.national(d.citizenNationalId),
      ...(d.citizenUserId ? [subject.user(d.citizenUserId)] : []),
    ],
  }),
  ConsentWithdrawn: (d) => ({ about: [subject.consent(d.consentId)] }),
  DesignApproved: permitOnly,
  DesignReturned: permitOnly,
  DesignSubmitted: (d) => only(subject.user(d.engineerId), subject.organisation(d.organisation)),
  DocumentIssued: (d) => ({
    municipality: d.municipality,
    ...(d.content.renewalCode ? { region: regionOf(d.content.renewalCode) } : {}),
    about: [
      subject.document(d.code),
      ...streamSubject(d.subject.stream),
      ...(d.content.renewalCode ? [subject.renewal(d.content.renewalCode)] : []),
      ...d.content.holders.map((h) => subject.national(h.nationalId)),
      ...(d.content.organisation ? [subject.organisation(d.content.organisation)] : []),
    ],
  }),
  DocumentRevoked: (d) => ({ about: [subject.document(d.code)] }),
  DocumentSuperseded: (d) => ({ about: [subject.document(d.code)], mentions: [subject.document(d.by)] }),
  EngineerNominated: (d) =>
    only(
      subject.organisation(d.nominee.organisation),
      ...(d.nominee.engineerId ? [subject.user(d.nominee.engineerId)] : []),
    ),
  EngineerStageReported: (d) => only(subject.user(d.engineerId)),
  FeeOverridden: permitOnly,
  FeesAssessed: permitOnly,
  InquiryAnswered: (d) => ({ about: [subject.inquiry(d.inquiryId)] }),
  InquiryFiled: (d) => ({
    ...parcel(d.municipality, d.renewalCode),
    about: [
      subject.inquiry(d.inquiryId),
      subject.renewal(d.renewalCode),
      'organisation' in d.requester
        ? subject.organisation(d.requester.organisation)
        : subject.national(d.requester.nationalId),
    ],
  }),
  InquiryReferred: (d) => ({ about: [subject.inquiry(d.inquiryId)] }),
  InspectionAssigned: (d) => only(subject.user(d.inspectorId)),
  InspectionReported: (d) => only(subject.user(d.inspectorId)),
  LoginAttemptsThrottled: (d) => (d.username ? { about: [subject.username(d.username)] } : none),
  LoginFailed: (d) => ({ about: [subject.username(d.username)] }),
  LoginSucceeded: (d) => ({ about: [subject.username(d.username)], mentions: [subject.user(d.userId)] }),
  MapOrderIssued: permitOnly,
  MunicipalityRegistered: (d) => ({ municipality: d.code, about: [subject.municipality(d.code)] }),
  OrganisationDeactivated: (d) => ({ about: [subject.organisation(d.id)] }),
  OrganisationRegistered: (d) => ({
    ...(d.municipality ? { municipality: d.municipality } : {}),
    about: [subject.organisation(d.id)],
  }),
  ParcelDetailsCorrected: (d) => parcel(d.municipality, d.renewalCode),
  ParcelOwnershipChanged: (d) => ({
    ...parcel(d.municipality, d.renewalCode),
    mentions: d.owners.map((o) => subject.national(o.nationalId)),
  }),
  ParcelRegistered: (d) => ({
    ...parcel(d.municipality, d.renewalCode),
    mentions: d.owners.map((o) => subject.national(o.nationalId)),
  }),
  PasswordChanged: (d) => ({ about: [subject.user(d.userId)] }),
  PasswordRehashed: (d) => ({ about: [subject.user(d.userId)] }),
  PaymentConfirmed: (d) => ({ about: [subject.payment(d.paymentId)] }),
  PaymentExpired: (d) => ({ about: [subject.payment(d.paymentId), subject.permit(d.permitId)] }),
  PaymentFailed: (d) => ({ about: [subject.payment(d.paymentId)] }),
  PaymentRejectedByFile: (d) => ({ about: [subject.payment(d.paymentId)] }),
  PaymentStarted: (d) => ({
    municipality: d.municipality,
    about: [subject.payment(d.paymentId), subject.permit(d.permitId), subject.national(d.payerNationalId)],
  }),
  PermitDocumentAttached: permitOnly,
  PermitDocumentRemoved: permitOnly,
  PermitDraftOpened: (d) => ({
    ...parcel(d.municipality, d.renewalCode),
    about: [
      subject.permit(d.permitId),
      subject.renewal(d.renewalCode),
      subject.national(d.applicantNationalId),
    ],
    ...(d.renewsPermitId ? { mentions: [subject.permit(d.renewsPermitId)] } : {}),
  }),
  PermitExpired: permitOnly,
  PermitIssued: permitOnly,
  PermitPaymentRecorded: permitOnly,
  PermitRejected: permitOnly,
  PermitReturned: permitOnly,
  PermitRevoked: permitOnly,
  PermitRenewalRequested: permitOnly,
  PermitRenewed: permitOnly,
  PermitRenewalWithdrawn: permitOnly,
  PermitSubmitted: permitOnly,
  PermitTaken: (d) => only(subject.user(d.clerkId)),
  PermitWithdrawn: permitOnly,
  ReferredToCommission: permitOnly,
  RefundApproved: (d) => only(subject.user(d.approvedBy)),
  RefundDeclined: (d) => only(subject.user(d.declinedBy)),
  RefundPaid: () => none,
  RefundPayoutFailed: (d) => only(subject.user(d.by)),
  RefundPayoutStarted: (d) => only(subject.user(d.by)),
  RefundRequested: (d) => ({
    municipality: d.municipality,
    about: [
      subject.refund(d.refundId),
      subject.payment(d.paymentId),
      subject.permit(d.permitId),
      subject.national(d.payerNationalId),
    ],
  }),
  RegionAdded: (d) => ({ municipality: d.code, about: [subject.municipality(d.code)] }),
  RegistrationCodeRejected: () => none,
  RegistrationCodeResent: () => none,
  RegistrationConfirmed: (d) => only(subject.user(d.userId)),
  RegistrationEnded: () => none,
  RegistrationStarted: (d) => ({ about: [subject.national(d.nationalId)] }),
  RenewalDuesBilled: (d) => parcel(d.municipality, d.renewalCode),
  RenewalDuesPaid: (d) => parcel(d.municipality, d.renewalCode),
  RoleGranted: (d) => ({
    about: [subject.user(d.userId)],
    ...(d.grant.municipality ? { municipality: d.grant.municipality } : {}),
  }),
  RoleRevoked: (d) => ({
    about: [subject.user(d.userId)],
    ...(d.grant.municipality ? { municipality: d.grant.municipality } : {}),
  }),
  RuleSetPublished: (d) => ({ municipality: d.municipality }),
  SiteVisitReported: (d) => only(subject.user(d.surveyorId)),
  StageInspected: (d) => only(subject.user(d.inspectorId)),
  SurveyorAssigned: (d) => only(subject.user(d.surveyorId)),
  UserCreated: (d) => ({
    ...(grantMunicipality(d.grants) ? { municipality: grantMunicipality(d.grants) } : {}),
    about: [
      subject.user(d.userId),
      subject.username(d.username),
      ...(d.nationalId ? [subject.national(d.nationalId)] : []),
    ],
  }),
  TrackingNumberClaimed: (d) => ({ municipality: d.municipality, about: streamSubject(d.stream) }),
  UserDisabled: (d) => ({ about: [subject.user(d.userId)] }),
  NotificationPreferencesSet: (d) => ({ about: [subject.user(d.userId)] }),
  NotificationQueued: (d) => ({
    municipality: d.municipality,
    about: d.recipient.userId === undefined ? [] : [subject.user(d.recipient.userId)],
  }),
  NotificationSent: () => none,
  NotificationFailed: () => none,
  NotificationSkipped: (d) => ({
    about: d.recipient.userId === undefined ? [] : [subject.user(d.recipient.userId)],
  }),
  UsernameClaimed: (d) => ({ about: [subject.username(d.username)], mentions: [subject.user(d.userId)] }),
  WebhookDeleted: (d) => ({ about: [subject.webhook(d.webhookId)] }),
  WebhookDisabled: (d) => ({ about: [subject.webhook(d.webhookId)] }),
  WebhookRegistered: (d) => ({ about: [subject.webhook(d.webhookId)] }),
  WebhookReplayRequested: (d) => ({ about: [subject.webhook(d.webhookId)] }),
  WebhookSecretRotated: (d) => ({ about: [subject.webhook(d.webhookId)] }),
};
