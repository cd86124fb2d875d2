import type { InspectionStage } from '../../rule-sets/rule-set.js';

/**
 * A topic's wording in one language, as data: plain text with `{slot}` placeholders, filled from the
 * item's facts, its tracking number (کد رهگیری) and the time of its event (`{at}`). Text between `[[`
 * and `]]` is left out when a slot in it has no value: a file without a tracking number yet, a permit
 * without a validity date.
 */
export interface TopicTemplate {
  /** One SMS of 70 Persian characters is the aim, two parts at most. */
  readonly sms: string;
  readonly subject: string;
  readonly body: string;
}

/** The words around the topics' texts, in one language. */
export interface MessageWords {
  /** The SMS that tells of several items: `{count}`. */
  readonly smsHeader: string;
  /** The email that tells of several items: `{count}`. */
  readonly emailSubject: string;
  /** The last lines of every email: `{municipality}`. */
  readonly footer: string;
  /** An amount: `{amount}` grouped. */
  readonly rials: string;
  /** Opens each line of a list (reasons, overdue files). */
  readonly bullet: string;
  readonly inspection: { readonly compliant: string; readonly notCompliant: string };
  /** One overdue file in a digest: `{process}`, `{trackingNumber}`, `{stage}`, `{dueAt}`. */
  readonly overdueLine: string;
  readonly process: { readonly permit: string; readonly inquiry: string; readonly inspection: string };
  /** The stage an overdue inspection names. */
  readonly inspectionStage: Readonly<Record<InspectionStage, string>>;
}

export type Slots = Readonly<Record<string, string | undefined>>;

const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;
const SLOT = /\{(\w+)\}/g;

/** The template with its slots filled; a slot with no value outside `[[…]]` is a bug, never sent. */
export function fill(template: string, slots: Slots): string {
  const kept = template.replace(OPTIONAL, (_, inner: string) =>
    [...inner.matchAll(SLOT)].every(([, name]) => slots[name!] !== undefined) ? inner : '',
  );
  return kept.replace(SLOT, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`The template's slot {${name}} has no value`);
    return value;
  });
}
