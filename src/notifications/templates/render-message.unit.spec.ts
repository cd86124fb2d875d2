import {
  CHANNELS,
  LANGUAGES,
  type Channel,
  type Language,
  type NotificationItem,
  type Topic,
  type TopicFacts,
} from '../notification-topics.js';
import { fill } from './message-template.js';
import { renderMessage } from './render-message.js';

// 4 Azar 1405, 13:30 in Tehran: a fixed instant keeps the snapshots stable.
const AT = '2026-11-25T10:00:00Z';
const TRACKING = '27318465';
const CONTEXT = { municipalityName: 'شهرداری تهران' };
const URL_PATTERN = /https?:\/\/\S+/g;

const FACTS: { readonly [T in Topic]: TopicFacts[T] } = {
  file_received: { applicationType: 'NewConstruction' },
  file_returned: { reasons: ['صفحه 2 سند مالکیت پیوست نشده است', 'امضای مالک خوانا نیست'] },
  survey_scheduled: {},
  map_order_issued: { verificationUrl: 'https://daftar.tehran.ir/v/MO-1405-0042' },
  design_returned: { reasons: ['عقب‌نشینی ۲ متر کمتر از دستور نقشه است'] },
  design_approved: {},
  fees_assessed: { total: 12_500_000, payUrl: 'https://daftar.tehran.ir/pay/p-7f3a91' },
  payment_received: { amount: 12_500_000, reference: '140509041234' },
  payment_expired: { amount: 12_500_000, payUrl: 'https://daftar.tehran.ir/permits/p-7f3a91' },
  refund_paid: { amount: 12_500_000, method: 'gateway', refundReference: 'REFUND-140509041234' },
  permit_issued: {
    verificationUrl: 'https://daftar.tehran.ir/v/PR-1405-0077',
    validUntil: '2028-11-25T10:00:00Z',
  },
  permit_renewed: {
    verificationUrl: 'https://daftar.tehran.ir/v/PR-1407-0012',
    validUntil: '2030-11-25T10:00:00Z',
  },
  inspection_result: { compliant: false, violations: 3 },
  completion_certificate_issued: { verificationUrl: 'https://daftar.tehran.ir/v/CC-1406-0007' },
  permit_revoked: {
    reason: 'صدور بر پایه سند مالکیت نادرست',
    verificationUrl: 'https://daftar.example.ir/v/HHSJCMCT2QJ',
  },
  commission_ruling: { ruling: 'fine', fineAmount: 350_000_000, reference: '1405/318' },
  inquiry_answered: { outcome: 'cleared', renewalCode: '3-12-45-7-0-0-0' },
  parcel_inquiry_answered: {
    outcome: 'blocked',
    renewalCode: '3-12-45-7-0-0-0',
    requesterName: 'دفتر اسناد رسمی 115 تهران',
  },
  overdue_digest: {
    files: [
      { trackingNumber: '27318465', process: 'permit', stage: 'under_review', dueAt: '2026-11-20T20:30:00Z' },
      { trackingNumber: '58120394', process: 'inquiry', stage: 'Transfer', dueAt: '2026-11-23T08:00:00Z' },
      { trackingNumber: '41907263', process: 'inspection', stage: 'roof', dueAt: '2026-11-24T08:00:00Z' },
    ],
    more: 4,
  },
};
const TOPICS = Object.keys(FACTS) as Topic[];

/** An item of the topic; a digest is about many files, so it has no tracking number of its own. */
function itemOf<T extends Topic>(topic: T, facts: TopicFacts[T] = FACTS[topic]): NotificationItem {
  const trackingNumber = topic === 'overdue_digest' ? undefined : TRACKING;
  return { topic, cause: `event-${topic}`, at: AT, trackingNumber, facts } as NotificationItem;
}

const render = (channel: Channel, language: Language, items: readonly NotificationItem[]) =>
  renderMessage(channel, language, items, CONTEXT);
const everyCase = TOPICS.flatMap((topic) =>
  LANGUAGES.flatMap((language) => CHANNELS.map((channel) => [topic, language, channel] as const)),
);
const outsideUrls = (text: string) => text.replace(URL_PATTERN, '');
const persian = (digits: string) => digits.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d)));

describe('renderMessage', () => {
  describe.each(LANGUAGES)('in %s', (language) => {
    describe.each(CHANNELS)('by %s', (channel) => {
      it.each(TOPICS)('words %s as in its snapshot', (topic) => {
        expect(render(channel, language, [itemOf(topic)])).toMatchSnapshot();
      });

      it('words several items as one message, in their order', () => {
        const items = [itemOf('payment_received'), itemOf('permit_issued'), itemOf('file_returned')];
        expect(render(channel, language, items)).toMatchSnapshot();
      });
    });

    it('words the other forms of a topic as in their snapshots', () => {
      const variants: readonly NotificationItem[] = [
        { ...itemOf('file_received'), trackingNumber: undefined },
        itemOf('permit_issued', { verificationUrl: 'https://daftar.tehran.ir/v/PR-1405-0078' }),
        itemOf('inspection_result', { compliant: true, violations: 0 }),
        itemOf('commission_ruling', { ruling: 'demolition', reference: '1405/319' }),
        itemOf('overdue_digest', { files: FACTS.overdue_digest.files.slice(0, 1), more: 0 }),
      ];
      expect(variants.map((item) => render('sms', language, [item]).text)).toMatchSnapshot();
    });
  });

  it.each(everyCase)('fills every slot of %s (%s, %s)', (topic, language, channel) => {
    const { subject, text } = render(channel, language, [itemOf(topic)]);
    for (const written of [subject, text]) expect(written).not.toMatch(/[{}]|\[\[|\]\]/);
  });

  it.each(everyCase)('uses every fact of %s (%s, %s)', (topic, language, channel) => {
    const item = itemOf(topic);
    const text = render(channel, language, [item]).text;
    for (const [fact, value] of Object.entries(item.facts)) {
      const changed = { ...item, facts: { ...item.facts, [fact]: otherValue(value) } } as NotificationItem;
      expect({ fact, text: render(channel, language, [changed]).text }).not.toEqual({ fact, text });
    }
  });

  it.each(everyCase)('names the tracking number in %s (%s, %s)', (topic, language, channel) => {
    const { text } = render(channel, language, [itemOf(topic)]);
    const numbers = topic === 'overdue_digest' ? ['27318465', '58120394', '41907263'] : [TRACKING];
    for (const number of numbers) expect(text).toContain(language === 'fa' ? persian(number) : number);
  });

  it.each(everyCase)(
    'words %s without a tracking number when it has none (%s, %s)',
    (topic, language, channel) => {
      const item: NotificationItem = { ...itemOf(topic), trackingNumber: undefined };
      const { subject, text } = render(channel, language, [item]);
      const numbered =
        topic === 'overdue_digest'
          ? /کد رهگیری|tracking number/i
          : /کد رهگیری|tracking number|۲۷۳۱۸۴۶۵|27318465/i;
      expect(`${subject}\n${text}`).not.toMatch(numbered);
      expect(`${subject}\n${text}`).not.toMatch(/[{}]|\[\[|\]\]/);
    },
  );

  it.each(everyCase.filter(([, language]) => language === 'fa'))(
    'writes every number of %s in Persian digits, URLs as they are (%s, %s)',
    (topic, language, channel) => {
      const { subject, text } = render(channel, language, [itemOf(topic)]);
      expect(outsideUrls(`${subject}\n${text}`)).not.toMatch(/[0-9]/);
      for (const url of Object.values(FACTS[topic]).filter(
        (v) => typeof v === 'string' && v.startsWith('http'),
      ))
        expect(text).toContain(url);
    },
  );

  it.each(everyCase.filter(([, language]) => language === 'en'))(
    'writes every number of %s in Latin digits (%s, %s)',
    (topic, language, channel) => {
      const { subject, text } = render(channel, language, [itemOf(topic)]);
      expect(`${subject}\n${text}`).not.toMatch(/[۰-۹٠-٩]/);
    },
  );

  it.each([
    ['fees_assessed', '۱۲٬۵۰۰٬۰۰۰ ریال', '12,500,000 rials'],
    ['payment_received', '۱۲٬۵۰۰٬۰۰۰ ریال', '12,500,000 rials'],
    ['commission_ruling', '۳۵۰٬۰۰۰٬۰۰۰ ریال', '350,000,000 rials'],
  ] as const)('groups the rials of %s', (topic, fa, en) => {
    for (const channel of CHANNELS) {
      expect(render(channel, 'fa', [itemOf(topic)]).text).toContain(fa);
      expect(render(channel, 'en', [itemOf(topic)]).text).toContain(en);
    }
  });

  it('dates by the Jalali calendar in Tehran time', () => {
    expect(render('email', 'fa', [itemOf('file_received')]).text).toContain('۴ آذر ۱۴۰۵ ساعت ۱۳:۳۰');
    expect(render('email', 'en', [itemOf('file_received')]).text).toContain(
      'Azar 4, 1405 AP, 13:30 Tehran time (25 Nov 2026)',
    );
    // 20:30 UTC on 20 November (29 Aban) is already 21 November (30 Aban) in Tehran.
    expect(render('sms', 'fa', [itemOf('overdue_digest')]).text).toContain('مهلت: ۳۰ آبان ۱۴۰۵');
  });

  it('names the stage of an overdue inspection in a digest', () => {
    expect(render('sms', 'fa', [itemOf('overdue_digest')]).text).toContain(
      '• بازرسی ۴۱۹۰۷۲۶۳، مرحله سقف، مهلت: ۳ آذر ۱۴۰۵',
    );
    expect(render('email', 'en', [itemOf('overdue_digest')]).text).toContain(
      '- Inspection 41907263, roof stage, due Azar 3, 1405 AP (24 Nov 2026)',
    );
  });

  // Lists and a person's words grow with what they say: a clerk's reasons, a worklist.
  const lists: readonly Topic[] = ['file_returned', 'design_returned', 'overdue_digest', 'permit_revoked'];
  it.each(TOPICS.filter((topic) => !lists.includes(topic)))(
    'keeps the Persian SMS of %s within two parts',
    (topic) => {
      // A Persian SMS is UCS-2: 70 characters alone, 67 a part when it takes more than one.
      expect(render('sms', 'fa', [itemOf(topic)]).text.length).toBeLessThanOrEqual(2 * 67);
    },
  );

  it('opens an SMS with the municipality and closes an email with it and the no-reply line', () => {
    expect(render('sms', 'fa', [itemOf('design_approved')]).text.split('\n')[0]).toBe('شهرداری تهران');
    expect(render('email', 'fa', [itemOf('design_approved')]).text).toMatch(
      /\n\nشهرداری تهران\nاین پیام خودکار است؛ به آن پاسخ ندهید\.$/,
    );
    expect(render('email', 'en', [itemOf('design_approved')]).text).toMatch(
      /\n\nشهرداری تهران\nThis is an automated message; please do not reply\.$/,
    );
  });

  it('counts the items of a combined message and keeps their order', () => {
    const items = [itemOf('fees_assessed'), itemOf('design_approved'), itemOf('survey_scheduled')];
    const sms = render('sms', 'fa', items).text.split('\n');
    expect(sms.slice(0, 2)).toEqual(['شهرداری تهران', '۳ خبر درباره پرونده‌های شما:']);
    expect(sms.filter((line) => /^[۱-۹]\. /.test(line)).map((line) => line[0])).toEqual(['۱', '۲', '۳']);
    const email = render('email', 'en', items);
    expect(email.subject).toBe('3 updates on your files');
    const order = ['1. Fees assessed', '2. Design approved', '3. Surveyor assigned'].map((s) =>
      email.text.indexOf(s),
    );
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
  });

  it('keeps a reference with Latin letters as printed, and writes a numeric one in Persian digits', () => {
    const text = (reference: string) =>
      renderMessage('sms', 'fa', [itemOf('payment_received', { amount: 1, reference })], CONTEXT).text;
    expect(text('SBX-04B25B2633E')).toContain('SBX-04B25B2633E');
    expect(text('140509041234')).toContain('۱۴۰۵۰۹۰۴۱۲۳۴');
  });

  it('refuses a message with nothing to tell', () => {
    expect(() => render('sms', 'fa', [])).toThrow(RangeError);
  });
});

describe('fill', () => {
  it('leaves out an optional part whose slot has no value, and keeps it when it has one', () => {
    expect(fill('a[[ b {x}]] c', { x: undefined })).toBe('a c');
    expect(fill('a[[ b {x}]] c', { x: '1' })).toBe('a b 1 c');
  });

  it('refuses to leave a slot unfilled', () => {
    expect(() => fill('a {x} b', {})).toThrow('{x}');
  });
});

/** Another value of a fact's type, which a template that uses the fact must word differently. */
function otherValue(value: unknown): unknown {
  if (typeof value === 'number') return value + 1;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string')
    return /^\d{4}-\d\d-\d\dT/.test(value) ? '2030-01-01T00:00:00Z' : `${value}9`;
  if (Array.isArray(value)) return [...value, value[0]];
  return undefined;
}
