import { REDACTED, REDACTED_PATHS, redacted } from './event-redaction.js';

const code = {
  digest: 'hmac-of-the-code',
  sentAt: '2026-12-03T08:00:00Z',
  expiresAt: '2026-12-03T08:02:00Z',
};
const secret = 'enc:v1:sealed-scrypt-hash';

/** A fixture event of each type that carries a secret, and the secrets it carries. */
const FIXTURES: Record<string, { data: unknown; secrets: string[] }> = {
  ApiKeyIssued: {
    data: {
      keyId: 'k1',
      label: 'bank',
      organisation: 'bank-1',
      role: 'bank',
      permissions: [],
      secretSha256: 'ab12',
    },
    secrets: ['ab12'],
  },
  ConsentRequested: {
    data: {
      consentId: 'c1',
      office: 'o',
      requestedBy: 'u',
      citizenNationalId: '0012345678',
      citizenUserId: null,
      hours: 2,
      code,
    },
    secrets: [code.digest],
  },
  PasswordChanged: { data: { userId: 'u1', passwordHash: secret }, secrets: [secret] },
  PasswordRehashed: { data: { userId: 'u1', passwordHash: secret }, secrets: [secret] },
  RegistrationCodeResent: { data: { registrationId: 'r1', code }, secrets: [code.digest] },
  RegistrationStarted: {
    data: {
      registrationId: 'r1',
      nationalId: '0012345678',
      mobile: '09120000000',
      fullName: 'x',
      passwordHash: secret,
      code,
    },
    secrets: [secret, code.digest],
  },
  UserCreated: {
    data: {
      userId: 'u1',
      username: 'u',
      displayName: 'U',
      passwordHash: secret,
      grants: [],
      origin: 'admin',
    },
    secrets: [secret],
  },
  WebhookRegistered: {
    data: {
      webhookId: 'w1',
      owner: { id: 'user-1', kind: 'user' },
      url: 'https://bank.example.ir/hook',
      filters: {},
      audience: { pii: [] },
      startAfter: 'c0',
      secret,
    },
    secrets: [secret],
  },
  WebhookSecretRotated: {
    data: { webhookId: 'w1', secret, previousValidUntil: '2026-12-04T08:00:00Z' },
    secrets: [secret],
  },
};

describe('what the audit log never shows of an event', () => {
  it('has a fixture for every event type that hides something', () => {
    const hiding = Object.entries(REDACTED_PATHS)
      .filter(([, paths]) => paths.length > 0)
      .map(([type]) => type);
    expect(hiding.sort()).toEqual(Object.keys(FIXTURES).sort());
  });

  it.each(Object.entries(FIXTURES))('shows %s without its secrets', (type, { data, secrets }) => {
    const metadata = { actor: { id: 'u', role: 'admin' }, requestDigest: 'digest-of-request' };
    const shown = JSON.stringify(redacted({ type, data, metadata }));
    for (const value of [...secrets, 'digest-of-request']) expect(shown).not.toContain(value);
    expect(shown).toContain(REDACTED);
  });

  it('leaves events without secrets as they are', () => {
    const event = { type: 'PermitTaken', data: { permitId: 'p', clerkId: 'c' }, metadata: { actor: {} } };
    expect(redacted(event)).toEqual({ data: event.data, metadata: event.metadata });
  });

  it('shows none of the data of a type this version does not know', () => {
    const event = { type: 'SomethingNewer', data: { token: 'maybe-secret' }, metadata: { actor: {} } };
    expect(redacted(event)).toEqual({ data: REDACTED, metadata: event.metadata });
  });
});
