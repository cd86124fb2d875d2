import { html, leftToRight, SafeHtml } from '../shared/http/html.js';
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

/** Codes and references: printed left to right with their own digits, as a person types them. */
const IDENTIFIER_FIELDS: ReadonlySet<string> = new Set([
  'renewalCode',
  'permitId',
  'trackingNumber',
  'inquiryId',
  'requesterReference',
  'commissionReference',
  'code',
]);

/** The ids a tracking number (کد رهگیری) stands for on paper: nobody reads or types a UUID. */
const TRACKED_IDS: readonly string[] = ['permitId', 'inquiryId'];

export interface PrintedField {
  readonly label: string;
  readonly value: SafeHtml;
}

/** A document's fields as people read them, in order; a tracked id shows as its tracking number. */
export function fieldsAsPrinted(fields: Readonly<Record<string, unknown>>): PrintedField[] {
  const tracking = fields['trackingNumber'];
  const tracked = typeof tracking === 'string' ? TRACKED_IDS.find((id) => id in fields) : undefined;
  return Object.entries(fields).flatMap(([field, value]): PrintedField[] => {
    if (tracked && field === 'trackingNumber') return [];
    if (field === tracked) {
      return [
        {
          label: `${fieldLabelFa(field)} (${fieldLabelFa('trackingNumber')})`,
          value: valueHtml('trackingNumber', tracking),
        },
      ];
    }
    return [{ label: fieldLabelFa(field), value: valueHtml(field, value) }];
  });
}

/** A content value as markup: identifiers isolated left to right, the rest as `valueFa` words it. */
export function valueHtml(field: string, value: unknown): SafeHtml {
  if (IDENTIFIER_FIELDS.has(field) && (typeof value === 'string' || typeof value === 'number')) {
    return leftToRight(String(value));
  }
  if (Array.isArray(value))
    return joined(
      value.map((item) => valueHtml(field, item)),
      '، ',
    );
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return joined(
      entries.map(([k, v]) => html`${fieldLabelFa(k)}: ${valueHtml(k, v)}`),
      '؛ ',
    );
  }
  return html`${valueFa(value)}`;
}

const joined = (parts: readonly SafeHtml[], separator: string) =>
  new SafeHtml(parts.map((part) => part.markup).join(separator));
