import type { Role } from '../../identity/roles.js';
import type { PermitStatus } from '../../permits/permit.state.js';
import type { InquiryKind } from '../../rule-sets/rule-set.js';

/**
 * The Persian names the dashboard shows for the codes its reports carry. Typed as complete tables, so a
 * new permit status, inquiry kind or role does not compile until it has a name here.
 */
export interface DashboardLabels {
  readonly permitStatus: Readonly<Record<Exclude<PermitStatus, 'absent'>, string>>;
  readonly inquiryKind: Readonly<Record<InquiryKind, string>>;
  readonly role: Readonly<Record<Role, string>>;
}

export const DASHBOARD_LABELS: DashboardLabels = {
  permitStatus: {
    draft: 'پیش‌نویس',
    submitted: 'ثبت‌شده',
    under_review: 'در حال بررسی',
    returned: 'بازگشت به متقاضی',
    surveying: 'بازدید نقشه‌بردار',
    surveyed: 'بازدیدشده',
    awaiting_design: 'در انتظار نقشه',
    design_submitted: 'نقشه ارسال‌شده',
    design_returned: 'نقشه بازگشتی',
    design_approved: 'نقشه تأییدشده',
    fees_assessed: 'عوارض محاسبه‌شده',
    paid: 'عوارض پرداخت‌شده',
    issued: 'پروانه صادرشده',
    expired: 'منقضی',
    completion_requested: 'درخواست پایان‌کار',
    renewal_requested: 'درخواست تمدید',
    renewal_paid: 'عوارض تمدید پرداخت‌شده',
    inspected: 'بازرسی‌شده',
    in_commission: 'در کمیسیون ماده ۱۰۰',
    completed: 'پایان‌کار صادرشده',
    fine_due: 'جریمه پرداخت‌نشده',
    fine_paid: 'جریمه پرداخت‌شده',
    demolition_ordered: 'حکم تخریب',
    withdrawn: 'انصراف',
    rejected: 'ردشده',
  },
  inquiryKind: {
    Transfer: 'استعلام نقل و انتقال',
    Bank: 'استعلام بانکی',
    Utility: 'استعلام خدمات‌رسان',
    NoViolation: 'گواهی عدم خلاف',
  },
  role: {
    citizen: 'شهروند',
    counter_office: 'دفتر پیشخوان',
    clerk: 'کارشناس',
    surveyor: 'نقشه‌بردار',
    inspector: 'بازرس ساختمان',
    engineer: 'مهندس',
    signatory: 'امضاکننده',
    cashier: 'صندوق‌دار',
    notary: 'دفتر اسناد رسمی',
    bank: 'بانک',
    utility: 'خدمات‌رسان',
    oversight: 'مدیر نظارت',
    admin: 'مدیر سامانه',
    integrator: 'یکپارچه‌ساز',
  },
};
