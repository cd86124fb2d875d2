import type { Decider } from '../../event-store/command-handling/decider.js';
import { DomainError } from '../../shared/domain-error.js';
import type { MunicipalityEvent } from './municipality.events.js';

export type MunicipalityState =
  { readonly status: 'absent' } | { readonly status: 'registered'; readonly regionCodes: readonly string[] };

export type MunicipalityCommand =
  | {
      readonly type: 'RegisterMunicipality';
      readonly data: Extract<MunicipalityEvent, { type: 'MunicipalityRegistered' }>['data'];
    }
  | {
      readonly type: 'AddRegion';
      readonly data: Extract<MunicipalityEvent, { type: 'RegionAdded' }>['data'];
    };

export const municipalityNotFound = (code: string) =>
  new DomainError('MUNICIPALITY.NOT_FOUND', `There is no municipality ${code}`, 'not_found', { code });

function decide(
  command: MunicipalityCommand,
  state: MunicipalityState,
): readonly MunicipalityEvent[] | DomainError {
  switch (command.type) {
    case 'RegisterMunicipality': {
      if (state.status !== 'absent') {
        return new DomainError(
          'MUNICIPALITY.ALREADY_EXISTS',
          `The municipality ${command.data.code} already exists`,
          'conflict',
        );
      }
      const codes = command.data.regions.map((r) => r.code);
      const repeated = codes.find((code, i) => codes.indexOf(code) !== i);
      if (repeated !== undefined) {
        return new DomainError(
          'MUNICIPALITY.DUPLICATE_REGION',
          `The region ${repeated} is listed twice`,
          'invalid',
        );
      }
      return [{ type: 'MunicipalityRegistered', data: command.data }];
    }
    case 'AddRegion': {
      const { code, region } = command.data;
      if (state.status === 'absent') return municipalityNotFound(code);
      if (state.regionCodes.includes(region.code)) {
        return new DomainError(
          'MUNICIPALITY.REGION_EXISTS',
          `The municipality ${code} already has a region ${region.code}`,
          'conflict',
        );
      }
      return [{ type: 'RegionAdded', data: command.data }];
    }
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

function evolve(state: MunicipalityState, event: MunicipalityEvent): MunicipalityState {
  switch (event.type) {
    case 'MunicipalityRegistered':
      return {
        status: 'registered',
        regionCodes: event.data.regions.map((r) => r.code),
      };
    case 'RegionAdded':
      return state.status === 'absent'
        ? state
        : { ...state, regionCodes: [...state.regionCodes, event.data.region.code] };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const municipalityDecider: Decider<MunicipalityCommand, MunicipalityState, MunicipalityEvent> = {
  initialState: () => ({ status: 'absent' }),
  evolve,
  decide,
};
