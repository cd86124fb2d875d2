import type { Decider } from '../../event-store/command-handling/decider.js';
import { DomainError } from '../../shared/domain-error.js';
import type { OrganisationEvent } from './organisation.events.js';

export type OrganisationState = { readonly status: 'absent' } | { readonly status: 'active' | 'deactivated' };

type DataOf<T extends OrganisationEvent['type']> = Extract<OrganisationEvent, { type: T }>['data'];
export type OrganisationCommand =
  | { readonly type: 'RegisterOrganisation'; readonly data: DataOf<'OrganisationRegistered'> }
  | { readonly type: 'DeactivateOrganisation'; readonly data: DataOf<'OrganisationDeactivated'> };

export const organisationNotFound = (id: string) =>
  new DomainError('ORGANISATION.NOT_FOUND', `There is no organisation ${id}`, 'not_found', { id });

function decide(
  command: OrganisationCommand,
  state: OrganisationState,
): readonly OrganisationEvent[] | DomainError {
  switch (command.type) {
    case 'RegisterOrganisation':
      if (state.status !== 'absent') {
        return new DomainError(
          'ORGANISATION.ALREADY_EXISTS',
          `The organisation ${command.data.id} already exists`,
          'conflict',
        );
      }
      if (command.data.kind === 'notary_office' && command.data.officeNumber === undefined) {
        return new DomainError(
          'ORGANISATION.OFFICE_NUMBER_REQUIRED',
          'A notary office is registered with its office number',
          'invalid',
        );
      }
      return [{ type: 'OrganisationRegistered', data: command.data }];
    case 'DeactivateOrganisation':
      if (state.status === 'absent') return organisationNotFound(command.data.id);
      if (state.status === 'deactivated') return [];
      return [{ type: 'OrganisationDeactivated', data: command.data }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(_state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered':
      return { status: 'active' };
    case 'OrganisationDeactivated':
      return { status: 'deactivated' };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationState, OrganisationEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
