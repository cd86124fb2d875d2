import { DASHBOARD_LABELS } from '../../audit/dashboard/dashboard-labels.js';
import { valueFa } from '../../documents/document-labels.js';
import { persianDateTimeText, persianDigits } from '../../shared/jalali.js';
import type { Language } from '../notification-topics.js';

/** How one language writes the values that fill a template's slots. */
export interface MessageFormat {
  readonly number: (value: number) => string;
  /** Free text and references: digits in the language's script, URLs left as they are. */
  readonly text: (value: string) => string;
  /** A code in words: application type, inquiry outcome, ruling, permit status, inquiry kind. */
  readonly label: (code: string) => string;
  /** A Jalali calendar day in Tehran. */
  readonly date: (isoInstant: string) => string;
  /** A Jalali day and Tehran time. */
  readonly dateTime: (isoInstant: string) => string;
}

// Built once: making an Intl formatter is the slow part.
const faNumber = new Intl.NumberFormat('fa-IR');
const enNumber = new Intl.NumberFormat('en-US');
const faDay = new Intl.DateTimeFormat('fa-IR-u-ca-persian', { dateStyle: 'long', timeZone: 'Asia/Tehran' });
const enJalaliDay = new Intl.DateTimeFormat('en-u-ca-persian', {
  dateStyle: 'long',
  timeZone: 'Asia/Tehran',
});
const enTime = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'Asia/Tehran' });
const enGregorianDay = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Asia/Tehran' });

const URL_OR_DIGIT = /(https?:\/\/\S+)|[0-9]/g;
// Inquiry kinds, outcomes and application types are worded as on documents.
const PERMIT_STATUSES_FA: Readonly<Record<string, string>> = DASHBOARD_LABELS.permitStatus;

/** `under_review` → «under review», `NewConstruction` → «new construction». */
const words = (code: string) =>
  code
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

const enDate = (isoInstant: string) => {
  const at = new Date(isoInstant);
  return `${enJalaliDay.format(at)} (${enGregorianDay.format(at)})`;
};

export const MESSAGE_FORMATS: Readonly<Record<Language, MessageFormat>> = {
  fa: {
    number: (value) => faNumber.format(value),
    // A reference with Latin letters in it (a bank's «SBX-04B2…») is typed as printed: its digits stay.
    text: (value) =>
      /[A-Za-z]\w*[0-9]|[0-9]\w*[A-Za-z]/.test(value) && !/\s/.test(value)
        ? value
        : value.replace(URL_OR_DIGIT, (match, url?: string) => url ?? persianDigits(match)),
    label: (code) => PERMIT_STATUSES_FA[code] ?? valueFa(code),
    date: (isoInstant) => faDay.format(new Date(isoInstant)),
    dateTime: persianDateTimeText,
  },
  en: {
    number: (value) => enNumber.format(value),
    // Persian (U+06F0…) and Arabic (U+0660…) digits both start at a multiple of 16.
    text: (value) => value.replace(/[۰-۹٠-٩]/g, (digit) => String(digit.charCodeAt(0) & 0xf)),
    label: words,
    date: enDate,
    dateTime: (isoInstant) => {
      const at = new Date(isoInstant);
      return `${enJalaliDay.format(at)}, ${enTime.format(at)} Tehran time (${enGregorianDay.format(at)})`;
    },
  },
};
