import { DomainError } from '../shared/domain-error.js';
import { type Decision, type Command, conflict, revoked } from './permit-decision.js';
import { stageViolationsPending } from './permit-inspection.decider.js';
import { feesProblem, instantProblem, invalidTime, validityProblem } from './permit-inputs.js';
import { addMonthsUtc, canonicalInstant, isAtOrAfter } from './permit-time.js';
import type { PermitCommand } from './permit.commands.js';
import type { MapOrderLimits } from './map-order-limits.js';
import type { ExistingPermitState } from './permit.state.js';
import { isClosed } from './permit.state.js';

export type RenewalCommand = Extract<
  PermitCommand,
  { readonly type: 'RequestRenewal' | 'RenewPermit' | 'WithdrawRenewal' }
>;

/**
 * Renewal (تمدید پروانه) on the permit's own file, without survey or design review: of an issued or an
 * expired permit whose completion was not requested, as long as the rule set in force gives the
 * parcel the map order's limits. Judged on closed files too, since an expired permit is renewable.
 */
export function decideRenewal(command: RenewalCommand, state: ExistingPermitState): Decision {
  switch (command.type) {
    case 'RequestRenewal':
      return requestRenewal(command, state);
    case 'RenewPermit':
      return renewPermit(command, state);
    case 'WithdrawRenewal':
      return withdrawRenewal(command, state);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function requestRenewal(command: Command<'RequestRenewal'>, state: ExistingPermitState): Decision {
  const { permitId, at, fees, limitsInForce } = command.data;
  const problem = instantProblem(at, 'at') ?? feesProblem(fees);
  if (problem) return problem;
  if (state.status === 'renewal_requested' || state.status === 'renewal_paid')
    return conflict('PERMIT.RENEWAL_ALREADY_REQUESTED', 'A renewal is already requested', state);
  if (state.status !== 'issued' && state.status !== 'expired') {
    if (isClosed(state)) return conflict('PERMIT.CLOSED', 'The permit file is closed', state);
    if (!('validity' in state)) return conflict('PERMIT.NOT_ISSUED', 'The permit is not issued', state);
    return (
      stageViolationsPending(state) ??
      conflict('PERMIT.COMPLETION_ALREADY_REQUESTED', 'A permit is renewed before completion', state)
    );
  }
  if (state.revocation) return revoked(state, state.revocation);
  if (!sameLimits(state.mapOrder.limits, limitsInForce)) {
    return conflict(
      'PERMIT.RENEWAL_NEEDS_REVIEW',
      "The rule set in force changed the parcel's limits: apply anew for a renewal (renewsPermitId)",
      state,
      { mapOrder: state.mapOrder.limits, inForce: limitsInForce },
    );
  }
  const { ruleSetVersion, lines, total } = fees;
  return [{ type: 'PermitRenewalRequested', data: { permitId, ruleSetVersion, lines, total } }];
}

function renewPermit(command: Command<'RenewPermit'>, state: ExistingPermitState): Decision {
  const { permitId, at, validityMonths, ruleSetVersion } = command.data;
  const renewedAt = canonicalInstant(at);
  if (renewedAt === undefined) return invalidTime('at');
  const problem = validityProblem(validityMonths);
  if (problem) return problem;
  if (!Number.isSafeInteger(ruleSetVersion) || ruleSetVersion < 1) {
    return new DomainError(
      'PERMIT.INVALID_RULE_SET_VERSION',
      'The rule-set version is a positive integer',
      'invalid',
      {
        field: 'ruleSetVersion',
      },
    );
  }
  if (state.status === 'renewal_requested' && state.renewal.total > 0) {
    return conflict(
      'PERMIT.RENEWAL_UNPAID',
      `${state.renewal.total} rials of renewal fee are unpaid`,
      state,
      {
        outstanding: state.renewal.total,
      },
    );
  }
  if (state.status !== 'renewal_requested' && state.status !== 'renewal_paid') {
    if (isClosed(state)) return conflict('PERMIT.CLOSED', 'The permit file is closed', state);
    return conflict('PERMIT.NO_RENEWAL_REQUESTED', 'No renewal is requested', state);
  }
  const renews = state.validity;
  const from = isAtOrAfter(renewedAt, renews.validUntil) ? renewedAt : renews.validUntil;
  const validity = { issuedAt: renewedAt, validUntil: addMonthsUtc(from, validityMonths) };
  // The renewed permit's document replaces one revoked since the request, as a new permit would.
  const replaces = state.revocation ? { replaces: state.revocation.code } : {};
  return [{ type: 'PermitRenewed', data: { permitId, renews, validity, ruleSetVersion, ...replaces } }];
}

/** A renewal not paid is given up; a paid one is the signatory's to renew, its fee not lost. */
function withdrawRenewal(command: Command<'WithdrawRenewal'>, state: ExistingPermitState): Decision {
  const { permitId, at } = command.data;
  const problem = instantProblem(at, 'at');
  if (problem) return problem;
  if (state.status === 'renewal_paid') {
    const message = 'The renewal fee is paid: the signatory renews the permit';
    return conflict('PERMIT.RENEWAL_PAID', message, state);
  }
  if (state.status !== 'renewal_requested') {
    if (isClosed(state)) return conflict('PERMIT.CLOSED', 'The permit file is closed', state);
    return conflict('PERMIT.NO_RENEWAL_REQUESTED', 'No renewal is requested', state);
  }
  const { validUntil } = state.validity;
  const expired = isAtOrAfter(at, validUntil);
  return [{ type: 'PermitRenewalWithdrawn', data: { permitId, validUntil, expired } }];
}

/** Limits compared field by field, but the zone's name: a rule set that changes any asks for a review. */
function sameLimits(a: MapOrderLimits, b: MapOrderLimits): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof MapOrderLimits>;
  keys.delete('zoneNameFa');
  return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
