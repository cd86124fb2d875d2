import { given } from '../../../test/support/given.js';
import { CODE_POLICY } from '../one-time-codes/one-time-code.js';
import { registrationDecider, type RegistrationCommand } from './registration.decider.js';
import type { RegistrationEvent } from './registration.events.js';

const registrationId = '01920000-0000-7000-8000-0000000000aa';
const userId = '01920000-0000-7000-8000-0000000000bb';
const t0 = '2026-12-03T08:00:00.000Z';
const at = (ms: number) => new Date(Date.parse(t0) + ms).toISOString();
const person = {
  registrationId,
  nationalId: '0013542419',
  mobile: '09120000001',
  fullName: 'زهرا احمدی',
  passwordHash: 'enc:v1:…',
};
const start = (
  facts: Partial<{ mobileMatches: boolean; nationalIdTaken: boolean; recentWrongCodes: number }> = {},
): RegistrationCommand => ({
  type: 'StartRegistration',
  data: {
    ...person,
    codeDigest: 'digest-1',
    now: t0,
    mobileMatches: true,
    nationalIdTaken: false,
    recentWrongCodes: 0,
    ...facts,
  },
});
const started: RegistrationEvent = {
  type: 'RegistrationStarted',
  data: { ...person, code: { digest: 'digest-1', sentAt: t0, expiresAt: at(CODE_POLICY.validMs) } },
};
const confirm = (codeDigest: string, now = at(30_000), nationalIdTaken = false): RegistrationCommand => ({
  type: 'ConfirmRegistration',
  data: { codeDigest, now, userId, nationalIdTaken },
});
const rejected = (attempts: number): RegistrationEvent => ({
  type: 'RegistrationCodeRejected',
  data: { registrationId, attempts },
});
const resend = (now: string): RegistrationCommand => ({
  type: 'ResendRegistrationCode',
  data: { codeDigest: 'digest-2', now },
});
const resent = (now: string): RegistrationEvent => ({
  type: 'RegistrationCodeResent',
  data: {
    registrationId,
    code: {
      digest: 'digest-2',
      sentAt: now,
      expiresAt: at(Date.parse(now) - Date.parse(t0) + CODE_POLICY.validMs),
    },
  },
});

describe('registration decider', () => {
  describe('starting', () => {
    it('starts a registration with a code valid for two minutes, and creates no account', () => {
      expect(given(registrationDecider).when(start())).toEqual([started]);
    });

    it('refuses a mobile the registry does not hold for the national id, with 422 and no event', () => {
      expect(given(registrationDecider).when(start({ mobileMatches: false }))).toMatchObject({
        code: 'IDENTITY.MOBILE_MISMATCH',
        kind: 'unprocessable',
      });
    });

    it('refuses a national id that already has an account', () => {
      expect(given(registrationDecider).when(start({ nationalIdTaken: true }))).toMatchObject({
        code: 'IDENTITY.NATIONAL_ID_TAKEN',
        kind: 'conflict',
      });
    });

    it('refuses a new code for a national id that had ten wrong codes in the last day, whatever the registration', () => {
      expect(given(registrationDecider).when(start({ recentWrongCodes: 9 }))).toEqual([started]);
      expect(given(registrationDecider).when(start({ recentWrongCodes: 10 }))).toMatchObject({
        code: 'REGISTRATION.TOO_MANY_WRONG_CODES',
        kind: 'rate_limited',
      });
    });

    it('starts a registration once', () => {
      expect(given(registrationDecider, started).when(start())).toMatchObject({
        code: 'REGISTRATION.ALREADY_STARTED',
      });
    });
  });

  describe('confirming', () => {
    it('confirms with the right code', () => {
      expect(given(registrationDecider, started).when(confirm('digest-1'))).toEqual([
        { type: 'RegistrationConfirmed', data: { registrationId, userId } },
      ]);
    });

    it('records a wrong code as a rejected attempt', () => {
      expect(given(registrationDecider, started).when(confirm('wrong'))).toEqual([rejected(1)]);
      expect(given(registrationDecider, started, rejected(1)).when(confirm('wrong'))).toEqual([rejected(2)]);
    });

    it('ends the registration at the fifth wrong code; even the right code is refused then', () => {
      const four = [1, 2, 3, 4].map(rejected);
      expect(given(registrationDecider, started, ...four).when(confirm('wrong'))).toEqual([
        rejected(5),
        { type: 'RegistrationEnded', data: { registrationId, reason: 'too_many_attempts' } },
      ]);
      const ended: RegistrationEvent = {
        type: 'RegistrationEnded',
        data: { registrationId, reason: 'too_many_attempts' },
      };
      expect(
        given(registrationDecider, started, ...four, rejected(5), ended).when(confirm('digest-1')),
      ).toMatchObject({
        code: 'REGISTRATION.ENDED',
        details: { reason: 'too_many_attempts' },
      });
    });

    it('refuses a code after two minutes', () => {
      expect(
        given(registrationDecider, started).when(confirm('digest-1', at(CODE_POLICY.validMs))),
      ).toMatchObject({
        code: 'REGISTRATION.CODE_EXPIRED',
        kind: 'unprocessable',
      });
    });

    it('ends the registration when an account for the national id appeared meanwhile', () => {
      expect(given(registrationDecider, started).when(confirm('digest-1', at(1000), true))).toEqual([
        { type: 'RegistrationEnded', data: { registrationId, reason: 'national_id_taken' } },
      ]);
    });

    it('confirms once, and knows no registration that was never started', () => {
      const confirmed: RegistrationEvent = {
        type: 'RegistrationConfirmed',
        data: { registrationId, userId },
      };
      expect(given(registrationDecider, started, confirmed).when(confirm('digest-1'))).toMatchObject({
        code: 'REGISTRATION.ALREADY_CONFIRMED',
      });
      expect(given(registrationDecider).when(confirm('digest-1'))).toMatchObject({
        code: 'REGISTRATION.NOT_FOUND',
        kind: 'not_found',
      });
    });
  });

  describe('resending', () => {
    it('sends a new code after a minute, and only the new one is accepted', () => {
      const now = at(CODE_POLICY.resendAfterMs);
      expect(given(registrationDecider, started).when(resend(now))).toEqual([resent(now)]);
      expect(given(registrationDecider, started, resent(now)).when(confirm('digest-1', at(61_000)))).toEqual([
        rejected(1),
      ]);
      expect(
        given(registrationDecider, started, resent(now)).when(confirm('digest-2', at(61_000))),
      ).toMatchObject([{ type: 'RegistrationConfirmed' }]);
    });

    it('refuses a resend within a minute of the last code, saying when to ask again', () => {
      expect(given(registrationDecider, started).when(resend(at(20_000)))).toMatchObject({
        code: 'REGISTRATION.RESEND_TOO_SOON',
        kind: 'rate_limited',
        details: { retryAfterSeconds: 40 },
      });
    });

    it('sends at most three new codes, and the tries count across them', () => {
      const sends = [1, 2, 3].map((n) => resent(at(n * CODE_POLICY.resendAfterMs)));
      expect(given(registrationDecider, started, ...sends).when(resend(at(10 * 60_000)))).toMatchObject({
        code: 'REGISTRATION.TOO_MANY_RESENDS',
      });
      const four = [1, 2, 3, 4].map(rejected);
      expect(
        given(registrationDecider, started, ...four, sends[0]!).when(confirm('wrong', at(61_000))),
      ).toMatchObject([rejected(5), { type: 'RegistrationEnded' }]);
    });
  });
});
