// The parts of the permit decider that more than one phase uses.
import { DomainError } from '../shared/domain-error.js';
import type { PermitCommand } from './permit.commands.js';
import type { PermitEvent, PermitRevocation } from './permit.events.js';
import type { ClosedStatus, ExistingPermitState } from './permit.state.js';

/** What a decision is: the events to append, or the refusal. */
export type Decision = readonly PermitEvent[] | DomainError;
/** A file that still accepts commands. */
export type LiveState = Exclude<ExistingPermitState, { readonly status: ClosedStatus }>;
export type Command<T extends PermitCommand['type']> = Extract<PermitCommand, { type: T }>;

export const permitNotFound = (permitId: string) =>
  new DomainError('PERMIT.NOT_FOUND', `There is no permit file ${permitId}`, 'not_found', { permitId });

/** A command the file's status does not allow: `details.status` says where the file is. */
export const conflict = (
  code: string,
  message: string,
  state: ExistingPermitState,
  details: Record<string, unknown> = {},
) =>
  new DomainError(code, `${message} (the file is ${state.status})`, 'conflict', {
    status: state.status,
    ...details,
  });

export const alreadyIssued = (state: ExistingPermitState) =>
  conflict('PERMIT.ALREADY_ISSUED', 'The permit is issued', state);

/** A step the revoked permit document (ابطال پروانه) stops until a new permit is issued. */
export const revoked = (state: ExistingPermitState, revocation: PermitRevocation) =>
  conflict(
    'PERMIT.REVOKED',
    `The permit document ${revocation.code} is revoked: a new permit is needed`,
    state,
    { ...revocation },
  );

export const notSubmitted = (state: ExistingPermitState) =>
  conflict('PERMIT.NOT_SUBMITTED', 'The application is not submitted', state);
