import { personalDataIn } from '../../../test/support/personal-data.js';
import { DAFTAR_EVENT_TYPES, type DaftarEvent } from '../../../projections/daftar-events.js';
import { REDACTED_PATHS } from '../../audit/get-audit-event/event-redaction.js';
import { filed, referred, clearedAutomatically } from '../../inquiries/inquiry.fixtures.js';
import { events as permitEvents, documents, attached } from '../../permits/permit.fixtures.js';
import { applyPolicy } from './apply-policy.js';
import { EVENT_POLICIES, FEED_CATEGORIES, PUBLISHED_TYPES } from './event-policies.js';

const everyCategory = { pii: FEED_CATEGORIES };
const noPii = { pii: [] };

const owners = [
  { nationalId: '0013542419', name: 'زهرا احمدی', sharePct: 60 },
  { nationalId: '0067749828', name: 'Reza Karimi', sharePct: 40 },
];
const parcelRegistered: DaftarEvent = {
  type: 'ParcelRegistered',
  data: {
    municipality: 'hamedan',
    renewalCode: '1-1-1-1-0-0-0',
    areaM2: 250,
    streetWidthM: 12,
    zone: 'R2',
    landUse: 'residential',
    existingBuilding: null,
    owners,
  },
};
const documentIssued: DaftarEvent = {
  type: 'DocumentIssued',
  data: {
    code: 'HMD-1405-000001',
    kind: 'BuildingPermit',
    municipality: 'hamedan',
    subject: { stream: 'permit-1', eventId: 'e-1' },
    content: {
      code: 'HMD-1405-000001',
      kind: 'BuildingPermit',
      municipality: 'hamedan',
      issuedAt: '2026-04-01T08:30:00.000Z',
      holders: owners.map(({ nationalId, name }) => ({ nationalId, name })),
      body: { permitId: 'permit-1' },
    },
    contentSha256: 'ab'.repeat(32),
    signature: 'MIIB',
    keyId: 'k1',
    seal: 'DF2.x',
    issuedAt: '2026-04-01T08:30:00.000Z',
  },
};
const citizenInquiry: DaftarEvent = {
  ...filed,
  data: {
    ...(filed as Extract<DaftarEvent, { type: 'InquiryFiled' }>).data,
    requester: { nationalId: '0013542419' },
  },
} as DaftarEvent;

/** Sample events of the fixtures and a few more: every kind of personal data the policy names. */
const SAMPLES: readonly DaftarEvent[] = [
  ...Object.values(permitEvents),
  ...documents.map(attached),
  filed,
  citizenInquiry,
  referred,
  clearedAutomatically,
  parcelRegistered,
  { type: 'ParcelOwnershipChanged', data: { ...parcelRegistered.data, reason: 'sale' } } as DaftarEvent,
  documentIssued,
  {
    type: 'RegistrationStarted',
    data: {
      registrationId: 'r1',
      nationalId: '0013542419',
      mobile: '09120000001',
      fullName: 'زهرا احمدی',
      passwordHash: 'enc:v1:SECRET',
      code: {
        digest: 'SECRET-DIGEST',
        sentAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-01-01T00:05:00.000Z',
      },
    },
  } as DaftarEvent,
];

/** A value standing at every secret path of a type, so that any that leaves shows. */
function withSecrets(type: string): unknown {
  const data: Record<string, unknown> = {};
  for (const path of REDACTED_PATHS[type as keyof typeof REDACTED_PATHS]) {
    const keys = path.split('.');
    let at = data;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[keys.at(-1)!] = 'SECRET';
  }
  return data;
}

describe('the feed’s data policy', () => {
  it('has a policy for every event type, and a reason for each one it does not publish', () => {
    for (const type of DAFTAR_EVENT_TYPES) {
      const policy = EVENT_POLICIES[type];
      expect([type, policy.published ? policy.category : policy.reason.length > 10]).toEqual([
        type,
        policy.published ? expect.stringMatching(/^[a-z]+$/) : true,
      ]);
    }
    expect(Object.keys(EVENT_POLICIES).sort()).toEqual([...DAFTAR_EVENT_TYPES].sort());
  });

  it('publishes no registration, sign-in, account, consent, key or audit event', () => {
    const hidden = [
      'RegistrationStarted',
      'LoginSucceeded',
      'UserCreated',
      'PasswordChanged',
      'ConsentRequested',
    ];
    for (const type of [...hidden, 'ApiKeyIssued', 'AccessRecorded', 'AuditQueried'])
      expect([type, EVENT_POLICIES[type as keyof typeof EVENT_POLICIES].published]).toEqual([type, false]);
    expect(PUBLISHED_TYPES).toEqual(
      expect.arrayContaining(['PermitIssued', 'ParcelRegistered', 'InquiryAnswered']),
    );
  });

  it.each(DAFTAR_EVENT_TYPES)('never lets a secret of %s leave, whatever the audience', (type) => {
    for (const audience of [noPii, everyCategory]) {
      const published = applyPolicy({ type, data: withSecrets(type) }, audience);
      expect(JSON.stringify(published ?? {})).not.toContain('SECRET');
    }
  });

  it('masks owners’ national ids and names without the pii scope, keeps them with it', () => {
    expect(applyPolicy(parcelRegistered, noPii)).toMatchObject({
      owners: [
        { nationalId: '********19', name: 'ز*** ا***', sharePct: 60 },
        { nationalId: '********28', name: 'R*** K***', sharePct: 40 },
      ],
    });
    expect(applyPolicy(parcelRegistered, { pii: ['parcel'] })).toEqual(parcelRegistered.data);
    // The scope is per category: a permit's personal data says nothing of a parcel's.
    expect(applyPolicy(parcelRegistered, { pii: ['permit'] })).toMatchObject({
      owners: [{ nationalId: '********19' }, { nationalId: '********28' }],
    });
  });

  it('masks a document’s holders and removes staff user ids without the pii scope', () => {
    const doc = applyPolicy(documentIssued, noPii) as { content: { holders: unknown[] } };
    expect(doc.content.holders).toEqual([
      { nationalId: '********19', name: 'ز*** ا***' },
      { nationalId: '********28', name: 'R*** K***' },
    ]);
    expect(applyPolicy(permitEvents.taken, noPii)).toEqual({ permitId: permitEvents.taken.data.permitId });
    expect(applyPolicy(permitEvents.taken, { pii: ['permit'] })).toEqual(permitEvents.taken.data);
  });

  it('keeps a document’s digest, signature and seal from a reader without pii: they would unmask its holders', () => {
    const doc = applyPolicy(documentIssued, noPii) as Record<string, unknown>;
    expect(doc).not.toHaveProperty('contentSha256');
    expect(doc).not.toHaveProperty('signature');
    expect(doc).not.toHaveProperty('seal');
    expect(doc).toMatchObject({ code: 'HMD-1405-000001', keyId: 'k1' });
    expect(applyPolicy(documentIssued, { pii: ['document'] })).toEqual(documentIssued.data);
  });

  it('removes a file’s tracking number without the pii scope: with a mobile it opens GET /track', () => {
    for (const opening of [permitEvents.opened, filed, citizenInquiry]) {
      const data = (opening as { data: { trackingNumber: string } }).data;
      expect(data.trackingNumber).toMatch(/^\d{10}$/);
      expect(applyPolicy(opening, noPii)).not.toHaveProperty('trackingNumber');
      expect(applyPolicy(opening, everyCategory)).toEqual(data);
    }
    expect(applyPolicy(permitEvents.opened, { pii: ['permit'] })).toMatchObject({
      trackingNumber: permitEvents.opened.data.trackingNumber,
    });
    expect(applyPolicy(permitEvents.opened, { pii: ['inquiry'] })).not.toHaveProperty('trackingNumber');

    const body = { permitId: 'permit-1', trackingNumber: permitEvents.opened.data.trackingNumber };
    const permitDocument = {
      ...documentIssued,
      data: { ...documentIssued.data, content: { ...documentIssued.data.content, body } },
    } as DaftarEvent;
    expect(applyPolicy(permitDocument, noPii)).toMatchObject({ content: { body: { permitId: 'permit-1' } } });
    expect(applyPolicy(permitDocument, noPii)).not.toHaveProperty('content.body.trackingNumber');
    expect(applyPolicy(permitDocument, { pii: ['document'] })).toEqual(permitDocument.data);
  });

  describe('an inquiry answer (پاسخ استعلام)', () => {
    const findings = {
      reasons: [
        { code: 'OPEN_VIOLATION', text: 'تخلف', permitId: 'permit-1', violations: ['an extra floor'] },
        { code: 'UNPAID_RENEWAL_DUES', text: 'عوارض' },
      ],
      amountsDue: [{ item: 'renewal_dues', amount: 1_000_000, year: 1404 }],
    };
    const answered = {
      type: 'InquiryAnswered',
      data: { inquiryId: 'i-1', ...findings, outcome: 'blocked', answeredBy: 'clerk' },
    } as DaftarEvent;
    const organisation = (inquiryKind: 'Transfer' | 'Bank' | 'Utility') => ({
      pii: [],
      organisation: 'o-1',
      inquiryKind,
    });

    it('shows a notary office or bank the reasons and amounts due, not what the inspector found', () => {
      for (const kind of ['Transfer', 'Bank'] as const) {
        expect(applyPolicy(answered, organisation(kind))).toEqual({
          inquiryId: 'i-1',
          outcome: 'blocked',
          answeredBy: 'clerk',
          reasons: [
            { code: 'OPEN_VIOLATION', text: 'تخلف', permitId: 'permit-1' },
            { code: 'UNPAID_RENEWAL_DUES', text: 'عوارض' },
          ],
          amountsDue: findings.amountsDue,
        });
      }
    });

    it('shows a utility nothing of the owner’s affairs', () => {
      expect(applyPolicy(answered, organisation('Utility'))).toEqual({
        inquiryId: 'i-1',
        outcome: 'blocked',
        answeredBy: 'clerk',
      });
    });

    it('keeps the whole answer for integrators, and the clerks’ worklist from organisations', () => {
      expect(applyPolicy(answered, noPii)).toEqual(answered.data);
      expect(applyPolicy(referred, noPii)).toEqual(referred.data);
      expect(applyPolicy(referred, organisation('Bank'))).toBeUndefined();
    });
  });

  it('does not change the event it publishes', () => {
    const before = structuredClone(parcelRegistered);
    applyPolicy(parcelRegistered, noPii);
    expect(parcelRegistered).toEqual(before);
  });

  it('lets no national id or mobile through without the pii scope, in any sample event', () => {
    const leaks = SAMPLES.flatMap((event) =>
      personalDataIn(applyPolicy(event, noPii)).map((leak) => `${event.type} ${leak}`),
    );
    expect(leaks).toEqual([]);
    // The samples do hold them, so the check above could fail.
    const shown = SAMPLES.flatMap((event) => personalDataIn(applyPolicy(event, everyCategory)));
    expect(shown.length).toBeGreaterThan(3);
  });
});
