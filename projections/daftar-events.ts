import type { AuditEvent } from '../src/audit/audit.events.js';
import type { DocumentEvent } from '../src/documents/document.events.js';
import type { ApiKeyEvent } from '../src/identity/api-keys/api-key.events.js';
import type { LoginEvent } from '../src/identity/auth/login.events.js';
import type { ConsentEvent } from '../src/identity/consents/consent.events.js';
import type { MunicipalityEvent } from '../src/identity/municipalities/municipality.events.js';
import type { OrganisationEvent } from '../src/identity/organisations/organisation.events.js';
import type { RegistrationEvent } from '../src/identity/registrations/registration.events.js';
import type { UserEvent, UsernameEvent } from '../src/identity/users/user.events.js';
import type { InquiryEvent } from '../src/inquiries/inquiry.events.js';
import type { NotificationEvent } from '../src/notifications/notification.events.js';
import type { ParcelEvent } from '../src/parcels/parcel.events.js';
import type { PaymentEvent } from '../src/payments/payment.events.js';
import type { RefundEvent } from '../src/payments/refunds/refund.events.js';
import type { PermitEvent } from '../src/permits/permit.events.js';
import type { RuleSetEvent } from '../src/rule-sets/rule-set.events.js';
import type { TrackingEvent } from '../src/tracking/tracking.events.js';
import type { WebhookEvent } from '../src/webhooks/webhook.events.js';

/** Every event Daftar writes: what readers of the whole log (audit, ledger, feed) must each account for. */
export type DaftarEvent =
  | ApiKeyEvent
  | AuditEvent
  | ConsentEvent
  | DocumentEvent
  | InquiryEvent
  | LoginEvent
  | MunicipalityEvent
  | NotificationEvent
  | OrganisationEvent
  | ParcelEvent
  | PaymentEvent
  | PermitEvent
  | RefundEvent
  | RegistrationEvent
  | RuleSetEvent
  | TrackingEvent
  | UserEvent
  | UsernameEvent
  | WebhookEvent;

export type DaftarEventType = DaftarEvent['type'];

/**
 * A table with one entry per event type, so that the compiler refuses one that misses a type; tables of
 * this shape (titles, subjects, data policies) make a new event type a compile error until handled.
 */
export type PerEventType<T> = { readonly [type in DaftarEventType]: T };

// A record, so that adding an event type without listing it here does not compile.
const TYPES: PerEventType<true> = {
  AccessRecorded: true,
  ApiKeyIssued: true,
  ApiKeyRevoked: true,
  AuditQueried: true,
  CommissionRuled: true,
  CompletionCertificateIssued: true,
  CompletionRequested: true,
  ConsentCodeRejected: true,
  ConsentGranted: true,
  ConsentRequestEnded: true,
  ConsentRequested: true,
  ConsentWithdrawn: true,
  NotificationFailed: true,
  NotificationPreferencesSet: true,
  NotificationQueued: true,
  NotificationSent: true,
  NotificationSkipped: true,
  DesignApproved: true,
  DesignReturned: true,
  DesignSubmitted: true,
  DocumentIssued: true,
  DocumentRevoked: true,
  DocumentSuperseded: true,
  EngineerNominated: true,
  EngineerStageReported: true,
  FeeOverridden: true,
  FeesAssessed: true,
  InquiryAnswered: true,
  InquiryFiled: true,
  InquiryReferred: true,
  InspectionAssigned: true,
  InspectionReported: true,
  LoginAttemptsThrottled: true,
  LoginFailed: true,
  LoginSucceeded: true,
  MapOrderIssued: true,
  MunicipalityRegistered: true,
  OrganisationDeactivated: true,
  OrganisationRegistered: true,
  ParcelDetailsCorrected: true,
  ParcelOwnershipChanged: true,
  ParcelRegistered: true,
  PasswordChanged: true,
  PasswordRehashed: true,
  PaymentConfirmed: true,
  PaymentExpired: true,
  PaymentFailed: true,
  PaymentRejectedByFile: true,
  PaymentStarted: true,
  PermitDocumentAttached: true,
  PermitDocumentRemoved: true,
  PermitDraftOpened: true,
  PermitExpired: true,
  PermitIssued: true,
  PermitPaymentRecorded: true,
  PermitRejected: true,
  PermitRenewalRequested: true,
  PermitRenewed: true,
  PermitRenewalWithdrawn: true,
  PermitReturned: true,
  PermitRevoked: true,
  PermitSubmitted: true,
  PermitTaken: true,
  PermitWithdrawn: true,
  ReferredToCommission: true,
  RefundApproved: true,
  RefundDeclined: true,
  RefundPaid: true,
  RefundPayoutFailed: true,
  RefundPayoutStarted: true,
  RefundRequested: true,
  RegionAdded: true,
  RegistrationCodeRejected: true,
  RegistrationCodeResent: true,
  RegistrationConfirmed: true,
  RegistrationEnded: true,
  RegistrationStarted: true,
  RenewalDuesBilled: true,
  RenewalDuesPaid: true,
  RoleGranted: true,
  RoleRevoked: true,
  RuleSetPublished: true,
  SiteVisitReported: true,
  StageInspected: true,
  SurveyorAssigned: true,
  TrackingNumberClaimed: true,
  UserCreated: true,
  UserDisabled: true,
  UsernameClaimed: true,
  WebhookDeleted: true,
  WebhookDisabled: true,
  WebhookRegistered: true,
  WebhookReplayRequested: true,
  WebhookSecretRotated: true,
};

export const DAFTAR_EVENT_TYPES = Object.keys(TYPES) as readonly DaftarEventType[];
