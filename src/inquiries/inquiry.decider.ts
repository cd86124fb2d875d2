import type { Decider } from '../event-store/command-handling/decider.js';
import { canonicalInstant } from '../permits/permit-time.js';
import { DomainError } from '../shared/domain-error.js';
import type { InquiryCommand } from './inquiry.commands.js';
import type { AmountDue, InquiryEvent, InquiryFindings, InquiryReason } from './inquiry.events.js';

type Filing = Extract<InquiryEvent, { type: 'InquiryFiled' }>['data'];
type Decision = readonly InquiryEvent[] | DomainError;
type Command<T extends InquiryCommand['type']> = Extract<InquiryCommand, { type: T }>;

/** checking: filed, the parcel not checked yet; awaiting_clerk: something stands in the way; answered. */
export type InquiryStatus = 'checking' | 'awaiting_clerk' | 'answered';

export type InquiryState =
  | { readonly status: 'absent' }
  | { readonly status: InquiryStatus; readonly filing: Filing; readonly findings: InquiryFindings };

const DAY_MS = 86_400_000;
const MAX_TEXT = 500;
const MAX_REFERENCE = 64;
const NO_FINDINGS: InquiryFindings = { reasons: [], amountsDue: [] };

export const inquiryNotFound = (inquiryId: string) =>
  new DomainError('INQUIRY.NOT_FOUND', `There is no inquiry ${inquiryId}`, 'not_found', { inquiryId });

const invalid = (code: string, message: string, field: string) =>
  new DomainError(code, message, 'invalid', { field });

function evolve(state: InquiryState, event: InquiryEvent): InquiryState {
  if (event.type === 'InquiryFiled') return { status: 'checking', filing: event.data, findings: NO_FINDINGS };
  if (state.status === 'absent') return state;
  const { reasons, amountsDue } = event.data;
  const status = event.type === 'InquiryReferred' ? 'awaiting_clerk' : 'answered';
  return { ...state, status, findings: { reasons, amountsDue } };
}

function decide(command: InquiryCommand, state: InquiryState): Decision {
  if (command.type === 'FileInquiry') return file(command, state);
  if (state.status === 'absent') return inquiryNotFound(command.data.inquiryId);
  return command.type === 'CheckInquiry' ? check(command, state) : answer(command, state);
}

function file(command: Command<'FileInquiry'>, state: InquiryState): Decision {
  const { at, deadlineDays, allowedKind: _kind, parcelOwners: _owners, ...filing } = command.data;
  const wrongKind = kindRefusal(filing.kind, command.data.allowedKind);
  if (wrongKind) return wrongKind;
  if (state.status !== 'absent') {
    const { kind, municipality, renewalCode, purpose } = state.filing;
    const same =
      kind === filing.kind &&
      municipality === filing.municipality &&
      renewalCode === filing.renewalCode &&
      purpose === filing.purpose;
    // A repeated filing answers the inquiry it made, whatever has changed since.
    if (same) return [];
    return new DomainError(
      'INQUIRY.REFERENCE_USED',
      `The reference ${filing.requesterReference} was filed for another inquiry`,
      'conflict',
      { inquiryId: filing.inquiryId },
    );
  }
  const notOwner = ownerRefusal(command.data);
  if (notOwner) return notOwner;
  const filedAt = canonicalInstant(at);
  if (filedAt === undefined) return invalid('INQUIRY.INVALID_TIME', 'A UTC ISO-8601 instant', 'at');
  if (!Number.isInteger(deadlineDays) || deadlineDays < 1)
    return invalid('INQUIRY.INVALID_DEADLINE', 'The deadline is a whole number of days', 'deadlineDays');
  if (!isText(filing.requesterReference, MAX_REFERENCE))
    return invalid('INQUIRY.INVALID_FILING', 'The reference is 1 to 64 characters', 'requesterReference');
  if (!isText(filing.purpose, MAX_TEXT))
    return invalid('INQUIRY.INVALID_FILING', `The purpose is 1 to ${MAX_TEXT} characters`, 'purpose');
  const dueAt = new Date(Date.parse(filedAt) + deadlineDays * DAY_MS).toISOString();
  return [{ type: 'InquiryFiled', data: { ...filing, dueAt } }];
}

/**
 * Each kind of filer files its own kind. Exported so that a handler can refuse before it looks anything
 * up for a filing the decider would refuse anyway.
 */
export function kindRefusal(kind: string, allowedKind: string | undefined): DomainError | undefined {
  if (kind === allowedKind) return undefined;
  const message = `Whoever files ${allowedKind ?? 'no'} inquiries cannot file ${kind}`;
  return new DomainError('INQUIRY.KIND_NOT_ALLOWED', message, 'forbidden', { allowed: allowedKind });
}

/** A citizen asks only about a parcel they own. */
function ownerRefusal({ requester, parcelOwners }: Command<'FileInquiry'>['data']): DomainError | undefined {
  if ('nationalId' in requester && !parcelOwners.includes(requester.nationalId)) {
    const message = 'A citizen asks for a no-violation certificate of a parcel they own';
    return new DomainError('INQUIRY.NOT_PARCEL_OWNER', message, 'forbidden');
  }
  return undefined;
}

function check(
  command: Command<'CheckInquiry'>,
  state: Exclude<InquiryState, { status: 'absent' }>,
): Decision {
  const { inquiryId, reasons, amountsDue } = command.data;
  if (state.status === 'answered') return [];
  if (reasons.length === 0) {
    return [
      {
        type: 'InquiryAnswered',
        data: { inquiryId, outcome: 'cleared', answeredBy: 'automatic', reasons: [], amountsDue: [] },
      },
    ];
  }
  if (state.status === 'awaiting_clerk' && sameFindings(state.findings, command.data)) return [];
  return [{ type: 'InquiryReferred', data: { inquiryId, reasons, amountsDue } }];
}

function answer(
  command: Command<'AnswerInquiry'>,
  state: Exclude<InquiryState, { status: 'absent' }>,
): Decision {
  const { inquiryId, outcome, reasons, amountsDue } = command.data;
  const problem = answerProblem(command.data);
  if (problem) return problem;
  if (state.status === 'answered')
    return new DomainError('INQUIRY.ALREADY_ANSWERED', 'The inquiry is answered', 'conflict');
  if (state.status !== 'awaiting_clerk') {
    return new DomainError(
      'INQUIRY.NOT_AWAITING_CLERK',
      'The parcel is still being checked; a clerk answers only what the checks refer',
      'conflict',
      { status: state.status },
    );
  }
  const data =
    outcome === 'cleared'
      ? { inquiryId, outcome, answeredBy: 'clerk' as const, reasons: [], amountsDue: [] }
      : {
          inquiryId,
          outcome,
          answeredBy: 'clerk' as const,
          reasons: [
            ...state.findings.reasons,
            ...reasons.map((text): InquiryReason => ({ code: 'CLERK', text })),
          ],
          amountsDue: amountsDue ?? state.findings.amountsDue,
        };
  return [{ type: 'InquiryAnswered', data }];
}

function answerProblem({ outcome, reasons, amountsDue }: Command<'AnswerInquiry'>['data']) {
  if (!reasons.every((r) => isText(r, MAX_TEXT)))
    return invalid('INQUIRY.INVALID_ANSWER', `A reason is 1 to ${MAX_TEXT} characters`, 'reasons');
  if (amountsDue && !amountsDue.every(isAmountDue))
    return invalid(
      'INQUIRY.INVALID_ANSWER',
      'An amount due is a positive whole number of rials',
      'amountsDue',
    );
  if (outcome === 'blocked' && reasons.length === 0)
    return invalid('INQUIRY.REASON_REQUIRED', 'A blocked answer gives its reasons', 'reasons');
  if (outcome === 'cleared' && (reasons.length > 0 || (amountsDue?.length ?? 0) > 0)) {
    const message = 'A cleared answer has no reasons or amounts due';
    return invalid('INQUIRY.INVALID_ANSWER', message, 'outcome');
  }
  return undefined;
}

const isText = (text: string, max: number) => text.trim().length > 0 && text.length <= max;
const isAmountDue = (due: AmountDue) => Number.isSafeInteger(due.amount) && due.amount > 0;

function sameFindings(a: InquiryFindings, b: InquiryFindings): boolean {
  return JSON.stringify([a.reasons, a.amountsDue]) === JSON.stringify([b.reasons, b.amountsDue]);
}

/**
 * The property inquiry (استعلام). Each command, the statuses it acts in, and its refusals; `[]` marks a
 * repetition that decides nothing.
 *
 * | command       | acts in                      | decides / refusals |
 * |---------------|------------------------------|--------------------|
 * | FileInquiry   | absent                       | InquiryFiled with dueAt = at + deadlineDays; INVALID_TIME, INVALID_DEADLINE, INVALID_FILING (invalid); filed before: [] when kind, parcel and purpose match, else REFERENCE_USED |
 * | CheckInquiry  | checking, awaiting_clerk     | no reasons: InquiryAnswered cleared (automatic); else InquiryReferred; the same findings while awaiting: []; answered: [] |
 * | AnswerInquiry | awaiting_clerk               | InquiryAnswered (clerk); NOT_AWAITING_CLERK, ALREADY_ANSWERED (conflict); REASON_REQUIRED, INVALID_ANSWER (invalid) |
 *
 * Codes are INQUIRY.*; CheckInquiry and AnswerInquiry are INQUIRY.NOT_FOUND (not_found) on an absent
 * inquiry. A blocked answer lists the checks' reasons and then the clerk's.
 */
export const inquiryDecider: Decider<InquiryCommand, InquiryState, InquiryEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
