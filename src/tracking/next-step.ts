import type { InquiryStatus } from '../inquiries/inquiry.decider.js';
import type { PermitFileStatus } from '../permits/permit.state.js';

/** What the owner of a file does, or waits for, next: in Persian, and in English where they chose it. */
export interface NextStep {
  readonly fa: string;
  readonly en: string;
}

const step = (fa: string, en: string): NextStep => ({ fa, en });

/** One entry per status: a new status does not compile until its next step is written. */
export const PERMIT_NEXT_STEPS: { readonly [status in PermitFileStatus]: NextStep } = {
  draft: step(
    'مدارک لازم را پیوست و درخواست را ثبت کنید.',
    'Attach the required documents and submit the application.',
  ),
  submitted: step('منتظر پذیرش پرونده توسط کارشناس شهرداری باشید.', 'Wait for a clerk to take the file.'),
  under_review: step(
    'کارشناس پرونده را بررسی می‌کند و نقشه‌بردار را برای بازدید محل تعیین می‌کند.',
    'A clerk reviews the file and assigns a surveyor to visit the site.',
  ),
  returned: step(
    'مدارکی را که کارشناس خواسته است تکمیل و درخواست را دوباره ثبت کنید.',
    'Complete what the clerk asked for and submit the application again.',
  ),
  surveying: step(
    'نقشه‌بردار از ملک بازدید می‌کند؛ در دسترس باشید.',
    'A surveyor will visit the property; be available.',
  ),
  surveyed: step('منتظر صدور دستور نقشه باشید.', 'Wait for the map order.'),
  awaiting_design: step(
    'دفتر مهندسی طراح را معرفی کنید تا نقشه‌ها را بر پایه دستور نقشه ارسال کند.',
    'Nominate your engineering office; its engineer submits the design for the map order.',
  ),
  design_submitted: step(
    'منتظر بررسی نقشه‌ها توسط کارشناس باشید.',
    'Wait for the clerk to review the design.',
  ),
  design_returned: step(
    'مهندس طراح نقشه‌ها را اصلاح و دوباره ارسال می‌کند.',
    'Your engineer revises the design and submits it again.',
  ),
  design_approved: step('منتظر محاسبه عوارض باشید.', 'Wait for the fees to be assessed.'),
  fees_assessed: step(
    'عوارض را به‌صورت برخط یا در صندوق شهرداری پرداخت کنید.',
    'Pay the fees online or at the municipality’s cash desk.',
  ),
  paid: step('منتظر امضا و صدور پروانه باشید.', 'Wait for the permit to be signed and issued.'),
  issued: step(
    'مطابق پروانه بسازید و پس از پایان ساخت، درخواست پایان‌کار ثبت کنید.',
    'Build as the permit allows; when the building is finished, request the completion certificate.',
  ),
  expired: step(
    'اعتبار پروانه به پایان رسیده است؛ درخواست تجدید پروانه ثبت کنید.',
    'The permit has expired; apply for its renewal.',
  ),
  renewal_requested: step(
    'عوارض تمدید پروانه را به‌صورت برخط یا در صندوق شهرداری پرداخت کنید.',
    'Pay the renewal fee online or at the municipality’s cash desk.',
  ),
  renewal_paid: step('منتظر امضا و تمدید پروانه باشید.', 'Wait for the renewed permit to be signed.'),
  completion_requested: step(
    'بازرس ساختمان برای بازدید پایان‌کار مراجعه می‌کند.',
    'A building inspector will inspect the finished building.',
  ),
  inspected: step('منتظر صدور گواهی پایان‌کار باشید.', 'Wait for the completion certificate.'),
  in_commission: step(
    'کمیسیون ماده ۱۰۰ درباره تخلفات رأی می‌دهد.',
    'The Article 100 commission will rule on the violations.',
  ),
  fine_due: step('جریمه تعیین‌شده در رأی کمیسیون را پرداخت کنید.', 'Pay the fine the commission ruled.'),
  fine_paid: step('منتظر صدور گواهی پایان‌کار باشید.', 'Wait for the completion certificate.'),
  completed: step(
    'اقدام دیگری لازم نیست؛ گواهی پایان‌کار صادر شده است.',
    'Nothing more to do: the completion certificate is issued.',
  ),
  demolition_ordered: step(
    'کمیسیون رأی به قلع بنا داده است؛ با شهرداری تماس بگیرید.',
    'The commission ordered demolition; contact the municipality.',
  ),
  withdrawn: step(
    'اقدام دیگری لازم نیست؛ درخواست پس گرفته شده است.',
    'Nothing more to do: the application was withdrawn.',
  ),
  rejected: step(
    'درخواست رد شده است؛ دلیل را در پرونده ببینید یا درخواست تازه‌ای ثبت کنید.',
    'The application was rejected; read the reason in the file, or apply again.',
  ),
};

export const INQUIRY_NEXT_STEPS: { readonly [status in InquiryStatus]: NextStep } = {
  checking: step(
    'وضعیت ملک بررسی می‌شود؛ پاسخ معمولاً بی‌درنگ صادر می‌شود.',
    'The parcel is being checked; the answer usually follows at once.',
  ),
  awaiting_clerk: step(
    'مانعی مانند بدهی در کار است: پس از پرداخت پاسخ صادر می‌شود، وگرنه کارشناس تا پایان مهلت پاسخ می‌دهد.',
    'Something stands in the way, such as a debt: once paid the answer follows, otherwise a clerk answers by the deadline.',
  ),
  answered: step(
    'پاسخ استعلام صادر شده است؛ سند امضاشده آن را دریافت کنید.',
    'The answer is issued; fetch its signed document.',
  ),
};
