import type { Decider } from '../../event-store/command-handling/decider.js';
import { DomainError } from '../../shared/domain-error.js';
import {
  challengeOf,
  codeExpired,
  judgeCode,
  sentCode,
  type CodeChallenge,
} from '../one-time-codes/one-time-code.js';
import type { ConsentEvent } from './consent.events.js';

type Requested = Extract<ConsentEvent, { type: 'ConsentRequested' }>['data'];
type Parties = Pick<Requested, 'consentId' | 'office' | 'citizenNationalId'>;

export type ConsentState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'requested';
      readonly request: Omit<Requested, 'code'>;
      readonly challenge: CodeChallenge;
    }
  | { readonly status: 'granted'; readonly parties: Parties; readonly validUntil: string }
  | { readonly status: 'ended' | 'withdrawn'; readonly parties: Parties };

export type ConsentCommand =
  | {
      readonly type: 'RequestConsent';
      readonly data: Omit<Requested, 'code'> & {
        readonly codeDigest: string;
        readonly now: string;
        /** Where the code goes: the account's mobile, or one the identity registry holds for the national id. */
        readonly reachable: 'account' | 'registered_mobile' | 'mobile_mismatch' | 'no_mobile';
      };
    }
  | {
      readonly type: 'ConfirmConsent';
      readonly data: { readonly codeDigest: string; readonly now: string; readonly office: string };
    }
  | {
      readonly type: 'WithdrawConsent';
      /** The citizen asking, by national id. */
      readonly data: { readonly citizenNationalId: string };
    };

export const consentNotFound = () =>
  new DomainError('CONSENT.NOT_FOUND', 'There is no such consent', 'not_found');

function decide(command: ConsentCommand, state: ConsentState): readonly ConsentEvent[] | DomainError {
  switch (command.type) {
    case 'RequestConsent': {
      if (state.status !== 'absent')
        return new DomainError('CONSENT.ALREADY_REQUESTED', 'This consent exists');
      const { codeDigest, now, reachable, ...request } = command.data;
      if (reachable === 'no_mobile') {
        return new DomainError(
          'CONSENT.MOBILE_REQUIRED',
          'This citizen has no account: give the mobile registered to their national id',
          'invalid',
        );
      }
      if (reachable === 'mobile_mismatch') {
        return new DomainError(
          'IDENTITY.MOBILE_MISMATCH',
          'This mobile number is not registered to this national id',
          'unprocessable',
        );
      }
      return [{ type: 'ConsentRequested', data: { ...request, code: sentCode(codeDigest, now) } }];
    }
    case 'ConfirmConsent': {
      // Another office learns nothing of it.
      if (state.status !== 'requested' || state.request.office !== command.data.office) {
        return state.status === 'absent' || partiesOf(state).office !== command.data.office
          ? consentNotFound()
          : new DomainError('CONSENT.NOT_PENDING', `This consent is ${state.status}`, 'conflict');
      }
      const { consentId, office, citizenNationalId, hours } = state.request;
      const attempts = state.challenge.attempts + 1;
      const verdict = judgeCode(state.challenge, command.data.codeDigest, command.data.now);
      switch (verdict) {
        case 'expired':
          return codeExpired('CONSENT');
        case 'wrong':
          return [{ type: 'ConsentCodeRejected', data: { consentId, attempts } }];
        case 'exhausted':
          return [
            { type: 'ConsentCodeRejected', data: { consentId, attempts } },
            { type: 'ConsentRequestEnded', data: { consentId, reason: 'too_many_attempts' } },
          ];
        case 'accepted': {
          const validUntil = new Date(Date.parse(command.data.now) + hours * 3600_000).toISOString();
          return [{ type: 'ConsentGranted', data: { consentId, office, citizenNationalId, validUntil } }];
        }
        default: {
          const unknown: never = verdict;
          return unknown;
        }
      }
    }
    case 'WithdrawConsent': {
      if (state.status === 'absent' || partiesOf(state).citizenNationalId !== command.data.citizenNationalId)
        return consentNotFound();
      if (state.status !== 'requested' && state.status !== 'granted') return [];
      const { consentId, office, citizenNationalId } = partiesOf(state);
      return [{ type: 'ConsentWithdrawn', data: { consentId, office, citizenNationalId } }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function partiesOf(state: Exclude<ConsentState, { status: 'absent' }>): Parties {
  return state.status === 'requested' ? state.request : state.parties;
}

function evolve(state: ConsentState, event: ConsentEvent): ConsentState {
  switch (event.type) {
    case 'ConsentRequested': {
      const { code, ...request } = event.data;
      return { status: 'requested', request, challenge: challengeOf(code) };
    }
    case 'ConsentCodeRejected':
      return state.status === 'requested'
        ? { ...state, challenge: { ...state.challenge, attempts: event.data.attempts } }
        : state;
    case 'ConsentRequestEnded':
      return state.status === 'absent' ? state : { status: 'ended', parties: partiesOf(state) };
    case 'ConsentGranted':
      return state.status === 'absent'
        ? state
        : { status: 'granted', parties: partiesOf(state), validUntil: event.data.validUntil };
    case 'ConsentWithdrawn':
      return state.status === 'absent' ? state : { status: 'withdrawn', parties: partiesOf(state) };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const consentDecider: Decider<ConsentCommand, ConsentState, ConsentEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
