import type { Decider } from '../../event-store/command-handling/decider.js';
import { DomainError } from '../../shared/domain-error.js';
import {
  afterResend,
  CODE_POLICY,
  challengeOf,
  codeExpired,
  judgeCode,
  resendProblem,
  sentCode,
  type CodeChallenge,
} from '../one-time-codes/one-time-code.js';
import type { RegistrationEvent } from './registration.events.js';

type Started = Extract<RegistrationEvent, { type: 'RegistrationStarted' }>['data'];
type EndReason = Extract<RegistrationEvent, { type: 'RegistrationEnded' }>['data']['reason'];

export type RegistrationState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'pending';
      readonly registration: Omit<Started, 'code'>;
      readonly challenge: CodeChallenge;
    }
  | { readonly status: 'ended'; readonly reason: EndReason }
  | { readonly status: 'confirmed'; readonly userId: string };

export type RegistrationCommand =
  | {
      readonly type: 'StartRegistration';
      readonly data: Omit<Started, 'code'> & {
        readonly codeDigest: string;
        readonly now: string;
        /** The identity registry's answer: is the mobile registered to the national id? */
        readonly mobileMatches: boolean;
        /** Whether an account already exists for the national id. */
        readonly nationalIdTaken: boolean;
        /** Wrong codes given for this national id's registrations in the last day. */
        readonly recentWrongCodes: number;
      };
    }
  | {
      readonly type: 'ResendRegistrationCode';
      readonly data: { readonly codeDigest: string; readonly now: string };
    }
  | {
      readonly type: 'ConfirmRegistration';
      readonly data: {
        /** The digest of the code the citizen typed. */
        readonly codeDigest: string;
        readonly now: string;
        /** The account to create. */
        readonly userId: string;
        readonly nationalIdTaken: boolean;
      };
    };

export const registrationNotFound = () =>
  new DomainError('REGISTRATION.NOT_FOUND', 'There is no such registration', 'not_found');

export const nationalIdTaken = () =>
  new DomainError(
    'IDENTITY.NATIONAL_ID_TAKEN',
    'An account with this national id already exists',
    'conflict',
  );

function decide(
  command: RegistrationCommand,
  state: RegistrationState,
): readonly RegistrationEvent[] | DomainError {
  switch (command.type) {
    case 'StartRegistration': {
      if (state.status !== 'absent')
        return new DomainError('REGISTRATION.ALREADY_STARTED', 'This registration exists');
      const {
        now,
        codeDigest,
        mobileMatches,
        nationalIdTaken: taken,
        recentWrongCodes,
        ...registration
      } = command.data;
      // Says nothing about whose the number is: only that it is not this national id's.
      if (!mobileMatches) {
        return new DomainError(
          'IDENTITY.MOBILE_MISMATCH',
          'This mobile number is not registered to this national id',
          'unprocessable',
        );
      }
      if (taken) return nationalIdTaken();
      // Tries are counted per registration; this bounds them per person, however many are started.
      if (recentWrongCodes >= CODE_POLICY.maxWrongCodesPerDay) {
        return new DomainError(
          'REGISTRATION.TOO_MANY_WRONG_CODES',
          'Too many wrong codes were given for this national id today; try again tomorrow',
          'rate_limited',
          { retryAfterSeconds: 24 * 3600 },
        );
      }
      return [{ type: 'RegistrationStarted', data: { ...registration, code: sentCode(codeDigest, now) } }];
    }
    case 'ResendRegistrationCode': {
      if (state.status !== 'pending') return notPending(state);
      const refusal = resendProblem('REGISTRATION', state.challenge, command.data.now);
      if (refusal) return refusal;
      return [
        {
          type: 'RegistrationCodeResent',
          data: {
            registrationId: state.registration.registrationId,
            code: sentCode(command.data.codeDigest, command.data.now),
          },
        },
      ];
    }
    case 'ConfirmRegistration': {
      if (state.status !== 'pending') return notPending(state);
      const registrationId = state.registration.registrationId;
      const attempts = state.challenge.attempts + 1;
      const verdict = judgeCode(state.challenge, command.data.codeDigest, command.data.now);
      switch (verdict) {
        case 'expired':
          return codeExpired('REGISTRATION');
        case 'wrong':
          return [{ type: 'RegistrationCodeRejected', data: { registrationId, attempts } }];
        case 'exhausted':
          return [
            { type: 'RegistrationCodeRejected', data: { registrationId, attempts } },
            { type: 'RegistrationEnded', data: { registrationId, reason: 'too_many_attempts' } },
          ];
        case 'accepted':
          return command.data.nationalIdTaken
            ? [{ type: 'RegistrationEnded', data: { registrationId, reason: 'national_id_taken' } }]
            : [{ type: 'RegistrationConfirmed', data: { registrationId, userId: command.data.userId } }];
        default: {
          const unknown: never = verdict;
          return unknown;
        }
      }
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function notPending(state: Exclude<RegistrationState, { status: 'pending' }>): DomainError {
  switch (state.status) {
    case 'absent':
      return registrationNotFound();
    case 'confirmed':
      return new DomainError('REGISTRATION.ALREADY_CONFIRMED', 'This registration is confirmed; sign in');
    case 'ended':
      return new DomainError(
        'REGISTRATION.ENDED',
        'This registration has ended; register again',
        'conflict',
        {
          reason: state.reason,
        },
      );
    default: {
      const unknown: never = state;
      return unknown;
    }
  }
}

function evolve(state: RegistrationState, event: RegistrationEvent): RegistrationState {
  switch (event.type) {
    case 'RegistrationStarted': {
      const { code, ...registration } = event.data;
      return { status: 'pending', registration, challenge: challengeOf(code) };
    }
    case 'RegistrationCodeResent':
      return state.status === 'pending'
        ? { ...state, challenge: afterResend(state.challenge, event.data.code) }
        : state;
    case 'RegistrationCodeRejected':
      return state.status === 'pending'
        ? { ...state, challenge: { ...state.challenge, attempts: event.data.attempts } }
        : state;
    case 'RegistrationEnded':
      return { status: 'ended', reason: event.data.reason };
    case 'RegistrationConfirmed':
      return { status: 'confirmed', userId: event.data.userId };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const registrationDecider: Decider<RegistrationCommand, RegistrationState, RegistrationEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
