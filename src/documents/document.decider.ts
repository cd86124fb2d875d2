import type { Decider } from '../event-store/command-handling/decider.js';
import { DomainError } from '../shared/domain-error.js';
import type { DocumentEvent } from './document.events.js';

type DataOf<T extends DocumentEvent['type']> = Extract<DocumentEvent, { type: T }>['data'];

export type DocumentCommand =
  | { readonly type: 'IssueDocument'; readonly data: DataOf<'DocumentIssued'> }
  | { readonly type: 'RevokeDocument'; readonly data: DataOf<'DocumentRevoked'> }
  | {
      readonly type: 'SupersedeDocument';
      /** `replacementExists`: the handler looked the new document up; the decider cannot. */
      readonly data: DataOf<'DocumentSuperseded'> & { readonly replacementExists: boolean };
    };

export type DocumentState =
  | { readonly status: 'absent' }
  | { readonly status: 'valid' | 'revoked' | 'superseded'; readonly subjectEventId: string };

export const documentNotFound = (code: string) =>
  new DomainError('DOCUMENT.NOT_FOUND', `There is no document ${code}`, 'not_found');

const reasonRequired = () =>
  new DomainError('DOCUMENT.REASON_REQUIRED', 'Give the reason in words', 'invalid');

function decide(command: DocumentCommand, state: DocumentState): readonly DocumentEvent[] | DomainError {
  if (command.type === 'IssueDocument') {
    if (state.status === 'absent') return [{ type: 'DocumentIssued', data: command.data }];
    // The same cause issuing again (a reaction replayed) finds its document already there.
    if (state.subjectEventId === command.data.subject.eventId) return [];
    return new DomainError('DOCUMENT.CODE_TAKEN', `The code ${command.data.code} is taken`, 'conflict');
  }
  if (state.status === 'absent') return documentNotFound(command.data.code);
  if (!command.data.reason.trim()) return reasonRequired();
  if (state.status !== 'valid') {
    return new DomainError(
      'DOCUMENT.NOT_VALID',
      `Document ${command.data.code} is already ${state.status}`,
      'conflict',
      { status: state.status },
    );
  }
  switch (command.type) {
    case 'RevokeDocument':
      return [{ type: 'DocumentRevoked', data: command.data }];
    case 'SupersedeDocument': {
      const { replacementExists, ...data } = command.data;
      if (data.by === data.code)
        return new DomainError(
          'DOCUMENT.SUPERSEDED_BY_ITSELF',
          'A document cannot replace itself',
          'invalid',
        );
      if (!replacementExists)
        return new DomainError(
          'DOCUMENT.REPLACEMENT_NOT_FOUND',
          `There is no document ${data.by}`,
          'invalid',
        );
      return [{ type: 'DocumentSuperseded', data }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: DocumentState, event: DocumentEvent): DocumentState {
  switch (event.type) {
    case 'DocumentIssued':
      return { status: 'valid', subjectEventId: event.data.subject.eventId };
    case 'DocumentRevoked':
      return state.status === 'absent' ? state : { ...state, status: 'revoked' };
    case 'DocumentSuperseded':
      return state.status === 'absent' ? state : { ...state, status: 'superseded' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const documentDecider: Decider<DocumentCommand, DocumentState, DocumentEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
