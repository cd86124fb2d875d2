import { persianDateTimeText, persianDigits } from '../shared/jalali.js';

/** Persian labels of the content fields people read on documents and the verification page. */
const FIELD_LABELS_FA: Readonly<Record<string, string>> = {
  renewalCode: 'کد نوسازی',
  holders: 'مالکان',
  permitId: 'شماره پرونده',
  trackingNumber: 'کد رهگیری',
  applicationType: 'نوع درخواست',
  floors: 'تعداد طبقات',
  use: 'کاربری',
  units: 'تعداد واحد',
  validUntil: 'اعتبار تا',
  maxFloors: 'حداکثر طبقات',
  maxDensityPct: 'حداکثر تراکم (درصد)',
  maxOccupancyPct: 'حداکثر سطح اشغال (درصد)',
  maxBuildableAreaM2: 'حداکثر زیربنا (مترمربع)',
  maxGroundCoverageM2: 'حداکثر سطح اشغال (مترمربع)',
  minSetbackM: 'حداقل عقب‌نشینی (متر)',
  parkingPerUnit: 'پارکینگ برای هر واحد',
  allowedUses: 'کاربری‌های مجاز',
  zone: 'پهنه',
  areaM2: 'مساحت (مترمربع)',
  totalAreaM2: 'زیربنای کل (مترمربع)',
  parkingSpaces: 'تعداد پارکینگ',
  ruleSetVersion: 'نسخه طرح تفصیلی',
  inquiryId: 'شماره استعلام',
  inquiryKind: 'نوع استعلام',
  requesterReference: 'شماره نامه متقاضی',
  outcome: 'نتیجه',
  reasons: 'دلایل',
  amountDue: 'مبلغ بدهی (ریال)',
  amountsDue: 'بدهی‌ها',
  item: 'بابت',
  amount: 'مبلغ (ریال)',
  year: 'سال',
  text: 'شرح',
  code: 'کد',
  violations: 'تخلفات',
  permitIssuedAt: 'تاریخ صدور پروانه',
  commissionRuling: 'رأی کمیسیون ماده ۱۰۰',
  commissionReference: 'شماره رأی',
  connectionAllowed: 'مجاز بودن انشعاب',
  feesTotal: 'جمع عوارض (ریال)',
};

const VALUES_FA: Readonly<Record<string, string>> = {
  NewConstruction: 'احداث بنا',
  Reconstruction: 'تجدید بنا',
  Extension: 'توسعه بنا',
  Renewal: 'تجدید پروانه',
  Transfer: 'نقل و انتقال',
  Bank: 'بانکی',
  Utility: 'انشعاب',
  NoViolation: 'عدم خلاف',
  cleared: 'بلامانع',
  renewal_dues: 'عوارض نوسازی',
  permit_fees: 'عوارض پروانه ساختمانی',
  fine: 'جریمه',
  demolition: 'قلع بنا',
  blocked: 'دارای مانع',
  residential: 'مسکونی',
  commercial: 'تجاری',
  office: 'اداری',
};

export function fieldLabelFa(field: string): string {
  return FIELD_LABELS_FA[field] ?? field;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** A content value as people read it: Persian words and digits, Jalali dates. */
export function valueFa(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'بله' : 'خیر';
  if (typeof value === 'number') return persianDigits(value.toLocaleString('en-US'));
  if (Array.isArray(value)) return value.map(valueFa).join('، ');
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabelFa(k)}: ${valueFa(v)}`)
      .join('؛ ');
  }
  const text = String(value);
  if (ISO_INSTANT.test(text)) return persianDateTimeText(text);
  return VALUES_FA[text] ?? persianDigits(text);
}
