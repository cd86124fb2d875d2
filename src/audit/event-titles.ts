import type { PerEventType } from '../../projections/daftar-events.js';
import { PERMIT_EVENT_TITLES_FA } from '../../projections/permits/permit-timeline.projection.js';
import type { PermitEventType } from '../permits/permit.events.js';

export interface EventTitle {
  readonly en: string;
  readonly fa: string;
}

const PERMIT_EVENT_TITLES_EN: { readonly [type in PermitEventType]: string } = {
  PermitDraftOpened: 'Permit file opened',
  PermitDocumentAttached: 'Document attached',
  PermitDocumentRemoved: 'Document removed',
  PermitSubmitted: 'Permit application submitted',
  PermitTaken: 'File taken by a clerk',
  PermitReturned: 'File returned for missing documents',
  SurveyorAssigned: 'Surveyor assigned',
  SiteVisitReported: 'Site visit reported',
  MapOrderIssued: 'Map order issued',
  EngineerNominated: 'Design engineer nominated',
  DesignSubmitted: 'Design submitted',
  DesignReturned: 'Design returned for changes',
  DesignApproved: 'Design approved',
  FeesAssessed: 'Fees assessed',
  FeeOverridden: 'Fee overridden',
  PermitPaymentRecorded: 'Payment recorded',
  PermitIssued: 'Building permit issued',
  PermitExpired: 'Permit expired',
  CompletionRequested: 'Completion certificate requested',
  InspectionReported: 'Completion inspection reported',
  ReferredToCommission: 'Referred to the Article 100 commission',
  CommissionRuled: 'Article 100 commission ruled',
  CompletionCertificateIssued: 'Completion certificate issued',
  PermitWithdrawn: 'Withdrawn by the applicant',
  PermitRejected: 'Application rejected',
};

const permitTitles = Object.fromEntries(
  (Object.keys(PERMIT_EVENT_TITLES_EN) as PermitEventType[]).map((type) => [
    type,
    { en: PERMIT_EVENT_TITLES_EN[type], fa: PERMIT_EVENT_TITLES_FA[type] },
  ]),
) as { readonly [type in PermitEventType]: EventTitle };

/** What happened, in English and Persian, for every event type: the audit log's «what» column. */
export const EVENT_TITLES: PerEventType<EventTitle> = {
  ...permitTitles,
  AccessRecorded: { en: 'Data read', fa: 'مشاهده اطلاعات' },
  AuditQueried: { en: 'Audit search', fa: 'جستجوی نظارتی' },
  ApiKeyIssued: { en: 'API key issued', fa: 'صدور کلید دسترسی' },
  ApiKeyRevoked: { en: 'API key revoked', fa: 'ابطال کلید دسترسی' },
  ConsentCodeRejected: { en: 'Consent code rejected', fa: 'کد رضایت نادرست' },
  ConsentGranted: { en: 'Consent granted', fa: 'اعطای رضایت' },
  ConsentRequestEnded: { en: 'Consent request ended', fa: 'پایان درخواست رضایت' },
  ConsentRequested: { en: 'Consent requested', fa: 'درخواست رضایت' },
  ConsentWithdrawn: { en: 'Consent withdrawn', fa: 'لغو رضایت' },
  DocumentIssued: { en: 'Document issued', fa: 'صدور سند' },
  DocumentRevoked: { en: 'Document revoked', fa: 'ابطال سند' },
  DocumentSuperseded: { en: 'Document superseded', fa: 'جایگزینی سند' },
  InquiryAnswered: { en: 'Inquiry answered', fa: 'پاسخ استعلام' },
  InquiryFiled: { en: 'Inquiry filed', fa: 'ثبت استعلام' },
  InquiryReferred: { en: 'Inquiry referred to a clerk', fa: 'ارجاع استعلام به کارشناس' },
  LoginAttemptsThrottled: { en: 'Sign-in attempts throttled', fa: 'محدودسازی تلاش‌های ورود' },
  LoginFailed: { en: 'Sign-in failed', fa: 'ورود ناموفق' },
  LoginSucceeded: { en: 'Signed in', fa: 'ورود به سامانه' },
  MunicipalityRegistered: { en: 'Municipality registered', fa: 'ثبت شهرداری' },
  OrganisationDeactivated: { en: 'Organisation deactivated', fa: 'غیرفعال‌سازی سازمان' },
  OrganisationRegistered: { en: 'Organisation registered', fa: 'ثبت سازمان' },
  ParcelDetailsCorrected: { en: 'Parcel details corrected', fa: 'اصلاح مشخصات ملک' },
  ParcelOwnershipChanged: { en: 'Parcel ownership changed', fa: 'تغییر مالکیت ملک' },
  ParcelRegistered: { en: 'Parcel registered', fa: 'ثبت ملک' },
  PasswordChanged: { en: 'Password changed', fa: 'تغییر گذرواژه' },
  PasswordRehashed: { en: 'Password protection renewed', fa: 'بازسازی حفاظت گذرواژه' },
  PaymentConfirmed: { en: 'Payment confirmed', fa: 'تأیید پرداخت' },
  PaymentFailed: { en: 'Payment failed', fa: 'پرداخت ناموفق' },
  PaymentRejectedByFile: { en: 'Payment refused by the file', fa: 'عدم پذیرش پرداخت در پرونده' },
  PaymentStarted: { en: 'Payment started', fa: 'آغاز پرداخت' },
  RegionAdded: { en: 'Region added', fa: 'افزودن منطقه' },
  RegistrationCodeRejected: { en: 'Registration code rejected', fa: 'کد ثبت‌نام نادرست' },
  RegistrationCodeResent: { en: 'Registration code resent', fa: 'ارسال دوباره کد ثبت‌نام' },
  RegistrationConfirmed: { en: 'Registration confirmed', fa: 'تأیید ثبت‌نام' },
  RegistrationEnded: { en: 'Registration ended', fa: 'پایان ثبت‌نام' },
  RegistrationStarted: { en: 'Registration started', fa: 'آغاز ثبت‌نام' },
  RenewalDuesBilled: { en: 'Renewal dues billed', fa: 'صدور عوارض نوسازی' },
  RenewalDuesPaid: { en: 'Renewal dues paid', fa: 'پرداخت عوارض نوسازی' },
  RoleGranted: { en: 'Role granted', fa: 'اعطای نقش' },
  RoleRevoked: { en: 'Role revoked', fa: 'سلب نقش' },
  RuleSetPublished: { en: 'Rule set published', fa: 'انتشار ضوابط' },
  UserCreated: { en: 'User created', fa: 'ایجاد کاربر' },
  UserDisabled: { en: 'User disabled', fa: 'غیرفعال‌سازی کاربر' },
  UsernameClaimed: { en: 'Username claimed', fa: 'ثبت نام کاربری' },
  WebhookDeleted: { en: 'Webhook deleted', fa: 'حذف وب‌هوک' },
  WebhookDisabled: { en: 'Webhook disabled after failed deliveries', fa: 'غیرفعال شدن وب‌هوک' },
  WebhookRegistered: { en: 'Webhook registered', fa: 'ثبت وب‌هوک' },
  WebhookReplayRequested: { en: 'Webhook replay requested', fa: 'درخواست ارسال دوباره وب‌هوک' },
  WebhookSecretRotated: { en: 'Webhook secret rotated', fa: 'تعویض رمز وب‌هوک' },
};
