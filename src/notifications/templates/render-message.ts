import type {
  Channel,
  Language,
  NotificationItem,
  OverdueItem,
  Topic,
  TopicFacts,
} from '../notification-topics.js';
import { EN_TEMPLATES, EN_WORDS } from './en.templates.js';
import { FA_TEMPLATES, FA_WORDS } from './fa.templates.js';
import { MESSAGE_FORMATS, type MessageFormat } from './message-format.js';
import { fill, type MessageWords, type Slots, type TopicTemplate } from './message-template.js';

export interface RenderedMessage {
  /** The email's subject (an SMS has none to send). */
  readonly subject: string;
  readonly text: string;
}

interface Wording {
  readonly templates: Readonly<Record<Topic, TopicTemplate>>;
  readonly words: MessageWords;
  readonly format: MessageFormat;
}

const WORDING: Readonly<Record<Language, Wording>> = {
  fa: { templates: FA_TEMPLATES, words: FA_WORDS, format: MESSAGE_FORMATS.fa },
  en: { templates: EN_TEMPLATES, words: EN_WORDS, format: MESSAGE_FORMATS.en },
};

const lines = (texts: readonly string[], { words }: Wording) =>
  texts.map((text) => words.bullet + text).join('\n');

/** Each topic's facts as its templates' slots, written in the message's language. */
const FACT_SLOTS: { readonly [T in Topic]: (facts: TopicFacts[T], wording: Wording) => Slots } = {
  file_received: ({ applicationType }, { format }) => ({ applicationType: format.label(applicationType) }),
  file_returned: ({ reasons }, wording) => ({ reasons: lines(reasons.map(wording.format.text), wording) }),
  survey_scheduled: () => ({}),
  map_order_issued: ({ verificationUrl }) => ({ verificationUrl }),
  design_returned: ({ reasons }, wording) => ({ reasons: lines(reasons.map(wording.format.text), wording) }),
  design_approved: () => ({}),
  fees_assessed: ({ total, payUrl }, wording) => ({ total: rials(total, wording), payUrl }),
  payment_received: ({ amount, reference }, wording) => ({
    amount: rials(amount, wording),
    reference: wording.format.text(reference),
  }),
  payment_expired: ({ amount, payUrl }, wording) => ({ amount: rials(amount, wording), payUrl }),
  // Empty slots that only choose the template's wording for where the money went.
  refund_paid: ({ amount, method, refundReference }, wording) => ({
    amount: rials(amount, wording),
    refundReference: wording.format.text(refundReference),
    toCard: method === 'gateway' ? '' : undefined,
    atDesk: method === 'cash_desk' ? '' : undefined,
  }),
  permit_issued: ({ verificationUrl, validUntil }, { format }) => ({
    verificationUrl,
    validUntil: validUntil === undefined ? undefined : format.date(validUntil),
  }),
  permit_renewed: ({ verificationUrl, validUntil }, { format }) => ({
    verificationUrl,
    validUntil: format.date(validUntil),
  }),
  inspection_result: ({ compliant, violations }, { words, format }) => ({
    verdict: fill(compliant ? words.inspection.compliant : words.inspection.notCompliant, {
      violations: format.number(violations),
    }),
  }),
  completion_certificate_issued: ({ verificationUrl }) => ({ verificationUrl }),
  permit_revoked: ({ reason, verificationUrl }, { format }) => ({
    reason: format.text(reason),
    verificationUrl,
  }),
  commission_ruling: ({ ruling, fineAmount, reference }, wording) => ({
    ruling: wording.format.label(ruling),
    fineAmount: fineAmount === undefined ? undefined : rials(fineAmount, wording),
    reference: wording.format.text(reference),
  }),
  inquiry_answered: ({ outcome, renewalCode }, { format }) => ({
    outcome: format.label(outcome),
    renewalCode: format.text(renewalCode),
  }),
  parcel_inquiry_answered: ({ outcome, renewalCode, requesterName }, { format }) => ({
    outcome: format.label(outcome),
    renewalCode: format.text(renewalCode),
    requesterName: format.text(requesterName),
  }),
  overdue_digest: ({ files, more }, wording) => ({
    count: wording.format.number(files.length + more),
    more: more > 0 ? wording.format.number(more) : undefined,
    files: lines(
      files.map((file) => overdueLine(file, wording)),
      wording,
    ),
  }),
};

function overdueLine(file: OverdueItem, { words, format }: Wording): string {
  return fill(words.overdueLine, {
    process: words.process[file.process],
    trackingNumber: file.trackingNumber === undefined ? undefined : format.text(file.trackingNumber),
    stage: file.process === 'inspection' ? words.inspectionStage[file.stage] : format.label(file.stage),
    dueAt: format.date(file.dueAt),
  });
}

function rials(amount: number, { words, format }: Wording): string {
  return fill(words.rials, { amount: format.number(amount) });
}

function slotsOf<T extends Topic>(topic: T, facts: TopicFacts[T], wording: Wording): Slots {
  return FACT_SLOTS[topic](facts, wording);
}

function renderItem(item: NotificationItem, wording: Wording): TopicTemplate {
  const { format } = wording;
  const slots: Slots = {
    ...slotsOf(item.topic, item.facts, wording),
    trackingNumber: item.trackingNumber === undefined ? undefined : format.text(item.trackingNumber),
    at: format.dateTime(item.at),
  };
  const template = wording.templates[item.topic];
  return {
    sms: fill(template.sms, slots),
    subject: fill(template.subject, slots),
    body: fill(template.body, slots),
  };
}

/**
 * The text of one message: one item in its topic's words, or several (news for one person within
 * the coalescing window) under one header, in their order. Plain text; URLs stay as they are.
 */
export function renderMessage(
  channel: Channel,
  language: Language,
  items: readonly NotificationItem[],
  context: { readonly municipalityName: string },
): RenderedMessage {
  if (items.length === 0) throw new RangeError('A message tells of at least one item');
  const wording = WORDING[language];
  const { words, format } = wording;
  const parts = items.map((item) => renderItem(item, wording));
  const [only] = parts.length === 1 ? parts : [];
  const count = format.number(parts.length);
  const numbered = (text: string, index: number) => `${format.number(index + 1)}. ${text}`;
  const subject = only ? only.subject : fill(words.emailSubject, { count });
  switch (channel) {
    case 'sms': {
      const news = only
        ? [only.sms]
        : [fill(words.smsHeader, { count }), ...parts.map((p, i) => numbered(p.sms, i))];
      return { subject, text: [context.municipalityName, ...news].join('\n') };
    }
    case 'email': {
      const body = only
        ? only.body
        : parts.map((p, i) => `${numbered(p.subject, i)}\n${p.body}`).join('\n\n');
      const footer = fill(words.footer, { municipality: context.municipalityName });
      return { subject, text: `${body}\n\n${footer}` };
    }
    default: {
      const unknown: never = channel;
      throw new Error(`Unknown channel ${String(unknown)}`);
    }
  }
}
