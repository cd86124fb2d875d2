import type { Topic } from '../notification-topics.js';
import type { MessageWords, TopicTemplate } from './message-template.js';

const FILE = 'پرونده شما[[ با کد رهگیری {trackingNumber}]]';
const ABOUT = '[[ — کد رهگیری {trackingNumber}]]';
const VERIFY = 'اصالت آن را در این نشانی ببینید:\n{verificationUrl}';
// Short for an SMS: «is it genuine?» at the link.
const CHECK = 'اصالت:\n{verificationUrl}';

/** The Persian texts, in the formal wording of a municipality's letters. */
export const FA_TEMPLATES: Readonly<Record<Topic, TopicTemplate>> = {
  file_received: {
    sms: `${FILE} دریافت شد ({applicationType}).`,
    subject: `دریافت پرونده${ABOUT}`,
    body:
      `پرونده شما (درخواست {applicationType}) در {at} در شهرداری دریافت شد.[[\nکد رهگیری: {trackingNumber}؛ این کد را برای پیگیری نگه دارید.]]\n` +
      'از هر مرحله رسیدگی به پرونده باخبرتان می‌کنیم.',
  },
  file_returned: {
    sms: `${FILE} برای اصلاح بازگردانده شد:\n{reasons}`,
    subject: `بازگشت پرونده برای اصلاح${ABOUT}`,
    body: `${FILE} در {at} برای اصلاح به شما بازگردانده شد. دلایل:\n{reasons}\nپس از رفع این موارد، پرونده را دوباره ارسال کنید.`,
  },
  survey_scheduled: {
    sms: `برای ${FILE} نقشه‌بردار تعیین شد و به‌زودی از ملک بازدید می‌کند.`,
    subject: `تعیین نقشه‌بردار${ABOUT}`,
    body: `برای ${FILE} در {at} نقشه‌بردار تعیین شد. نقشه‌بردار برای بازدید از ملک و برداشت وضع موجود مراجعه می‌کند؛ لطفاً دسترسی به ملک را فراهم کنید.`,
  },
  map_order_issued: {
    sms: `دستور نقشه ${FILE} صادر شد. ${CHECK}`,
    subject: `صدور دستور نقشه${ABOUT}`,
    body: `دستور نقشه ${FILE} در {at} صادر شد. نقشه‌های ساختمان باید در حدود این دستور تهیه شود.\n${VERIFY}`,
  },
  design_returned: {
    sms: `نقشه‌های ${FILE} برای اصلاح بازگردانده شد:\n{reasons}`,
    subject: `بازگشت نقشه‌ها برای اصلاح${ABOUT}`,
    body: `نقشه‌های ${FILE} در {at} برای اصلاح بازگردانده شد. دلایل:\n{reasons}\nپس از اصلاح، نقشه‌ها را دوباره ارسال کنید.`,
  },
  design_approved: {
    sms: `نقشه‌های ${FILE} تأیید شد. گام بعد: محاسبه عوارض.`,
    subject: `تأیید نقشه‌ها${ABOUT}`,
    body: `نقشه‌های ${FILE} در {at} تأیید شد. گام بعد محاسبه عوارض است و نتیجه آن به شما اطلاع داده می‌شود.`,
  },
  fees_assessed: {
    sms: `عوارض ${FILE}: {total}. پرداخت:\n{payUrl}`,
    subject: `اعلام عوارض${ABOUT}`,
    body:
      `عوارض ${FILE} در {at} محاسبه شد.\nمبلغ قابل پرداخت: {total}\n` +
      'برای پرداخت برخط به این نشانی بروید:\n{payUrl}\nپس از پرداخت، پروانه ساختمانی برای صدور آماده می‌شود.',
  },
  payment_received: {
    sms: `پرداخت {amount} برای ${FILE} دریافت شد. شماره پیگیری: {reference}`,
    subject: `دریافت پرداخت${ABOUT}`,
    body: `مبلغ {amount} بابت ${FILE} در {at} دریافت شد.\nشماره پیگیری پرداخت: {reference}`,
  },
  refund_paid: {
    sms: `{amount} بابت ${FILE}[[ به کارت شما{toCard}]][[ در صندوق{atDesk}]] بازگردانده شد. پیگیری: {refundReference}`,
    subject: `استرداد وجه${ABOUT}`,
    body:
      `مبلغ {amount} بابت ${FILE} در {at}[[ به کارتی که با آن پرداخت کرده بودید{toCard}]][[ در صندوق شهرداری{atDesk}]] بازگردانده شد.\n` +
      'شماره پیگیری استرداد: {refundReference}',
  },
  payment_expired: {
    sms: `پرداخت {amount}[[ پرونده {trackingNumber}]] در مهلت انجام نشد. پرداخت دوباره:\n{payUrl}`,
    subject: `پایان مهلت پرداخت${ABOUT}`,
    body:
      `پرداخت برخط {amount} برای ${FILE} که در {at} آغاز شده بود در مهلت خود انجام نشد و بسته شد.\n` +
      'اگر مبلغی از حساب شما برداشت شده باشد، ثبت یا بازگردانده می‌شود. برای پرداخت دوباره به این نشانی بروید:\n{payUrl}',
  },
  permit_issued: {
    sms: `پروانه ساختمانی شما[[ با کد رهگیری {trackingNumber}]] صادر شد[[، معتبر تا {validUntil}]]. ${CHECK}`,
    subject: `صدور پروانه ساختمانی${ABOUT}`,
    body: `پروانه ساختمانی ${FILE} در {at} صادر شد.[[\nاین پروانه تا {validUntil} اعتبار دارد.]]\n${VERIFY}`,
  },
  permit_renewed: {
    sms: `پروانه ساختمانی ${FILE} تا {validUntil} تمدید شد. ${CHECK}`,
    subject: `تمدید پروانه ساختمانی${ABOUT}`,
    body:
      `پروانه ساختمانی ${FILE} در {at} تمدید شد و تا {validUntil} اعتبار دارد.\n` +
      'پروانه تمدیدشده جای پروانه پیشین را می‌گیرد.\n' +
      `${VERIFY}`,
  },
  inspection_result: {
    sms: `نتیجه بازرسی ساختمان ${FILE}: {verdict}.`,
    subject: `نتیجه بازرسی ساختمان${ABOUT}`,
    body: `بازرسی ساختمان ${FILE} در {at} انجام شد.\nنتیجه: {verdict}.`,
  },
  completion_certificate_issued: {
    sms: `گواهی پایان‌کار ${FILE} صادر شد. ${CHECK}`,
    subject: `صدور گواهی پایان‌کار${ABOUT}`,
    body: `گواهی پایان‌کار ${FILE} در {at} صادر شد.\n${VERIFY}`,
  },
  permit_revoked: {
    sms: `پروانه ساختمانی ${FILE} باطل شد: {reason}. ${CHECK}`,
    subject: `ابطال پروانه ساختمانی${ABOUT}`,
    body:
      `پروانه ساختمانی ${FILE} در {at} باطل شد.\nدلیل: {reason}\n` +
      'تا صدور پروانه تازه، درخواست پایان‌کار پذیرفته نمی‌شود.\n' +
      `${VERIFY}`,
  },
  commission_ruling: {
    sms: `رأی کمیسیون ماده ۱۰۰ درباره ${FILE}: {ruling}[[ به مبلغ {fineAmount}]]. شماره رأی: {reference}`,
    subject: `رأی کمیسیون ماده ۱۰۰${ABOUT}`,
    body:
      `کمیسیون ماده ۱۰۰ در {at} درباره ${FILE} رأی داد: {ruling}[[ به مبلغ {fineAmount}]].\nشماره رأی: {reference}\n` +
      'اعتراض به این رأی در مهلت قانونی به کمیسیون تجدیدنظر ماده ۱۰۰ داده می‌شود.',
  },
  inquiry_answered: {
    sms: 'استعلام شما[[ با کد رهگیری {trackingNumber}]] درباره ملک {renewalCode} پاسخ داده شد: {outcome}',
    subject: 'پاسخ استعلام[[ — کد رهگیری {trackingNumber}]]',
    body:
      'به استعلام شما[[ با کد رهگیری {trackingNumber}]] درباره ملک با کد نوسازی {renewalCode} در {at} پاسخ داده شد.\n' +
      'نتیجه: {outcome}\nپاسخ کامل و دلایل آن در سامانه در دسترس است.',
  },
  parcel_inquiry_answered: {
    sms: 'به استعلام {requesterName} درباره ملک شما ({renewalCode}) پاسخ داده شد: {outcome}[[. کد رهگیری: {trackingNumber}]]',
    subject: 'استعلام درباره ملک شما[[ — کد رهگیری {trackingNumber}]]',
    body:
      '{requesterName} درباره ملک شما با کد نوسازی {renewalCode} استعلام کرد و در {at} پاسخ داده شد.[[\nکد رهگیری استعلام: {trackingNumber}]]\n' +
      'نتیجه: {outcome}\nاگر از این استعلام خبر ندارید، با شهرداری تماس بگیرید.',
  },
  overdue_digest: {
    sms: '{count} کار کارتابل شما از مهلت گذشته است:\n{files}[[\nو {more} مورد دیگر]]',
    subject: 'کارهای عقب‌افتاده کارتابل ({count} مورد)',
    body:
      'گزارش روزانه کارتابل، {at}\n{count} کار از مهلت رسیدگی گذشته است:\n{files}[[\nو {more} مورد دیگر]]\n' +
      'لطفاً در کارتابل خود در سامانه به آن‌ها رسیدگی کنید.',
  },
};

export const FA_WORDS: MessageWords = {
  smsHeader: '{count} خبر درباره پرونده‌های شما:',
  emailSubject: '{count} خبر درباره پرونده‌های شما',
  footer: '{municipality}\nاین پیام خودکار است؛ به آن پاسخ ندهید.',
  rials: '{amount} ریال',
  bullet: '• ',
  inspection: {
    compliant: 'ساختمان با پروانه مطابقت دارد',
    notCompliant: '{violations} مورد مغایرت با پروانه دیده شد',
  },
  overdueLine: '{process}[[ {trackingNumber}]]، {stage}، مهلت: {dueAt}',
  process: { permit: 'پرونده', inquiry: 'استعلام', inspection: 'بازرسی' },
  inspectionStage: {
    foundation: 'مرحله پی',
    frame: 'مرحله اسکلت',
    roof: 'مرحله سقف',
    completion: 'پایان کار',
  },
};
