import type { DocumentKind } from './document.events.js';

export const DOCUMENT_TITLES_FA: { readonly [kind in DocumentKind]: string } = {
  BuildingPermit: 'پروانه ساختمانی',
  MapOrder: 'دستور نقشه',
  CompletionCertificate: 'گواهی پایان کار',
  InquiryAnswer: 'پاسخ استعلام',
  NoViolationCertificate: 'گواهی عدم خلاف',
};

export const DOCUMENT_STATUS_FA = {
  valid: 'معتبر',
  revoked: 'ابطال شده',
  superseded: 'جایگزین شده',
  not_found: 'یافت نشد',
} as const;
