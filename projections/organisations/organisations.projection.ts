import {
  ORGANISATION_EVENT_TYPES,
  type OrganisationEvent,
  type OrganisationKind,
} from '../../src/identity/organisations/organisation.events.js';
import type { Projection } from '../projection.js';

export interface OrganisationView {
  readonly id: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly nameFa: string | null;
  readonly officeNumber: string | null;
  readonly municipality: string | null;
  readonly active: boolean;
  readonly registeredAt: string;
  readonly deactivatedAt: string | null;
  readonly deactivationReason: string | null;
}

export const organisationsProjection: Projection<OrganisationView, OrganisationEvent> = {
  name: 'organisations',
  version: 1,
  handles: ORGANISATION_EVENT_TYPES,
  indexes: ['kind', 'municipality'],
  documentId: (event) => event.data.id,
  evolve: (doc, event) => {
    switch (event.type) {
      case 'OrganisationRegistered': {
        const d = event.data;
        return {
          id: d.id,
          kind: d.kind,
          name: d.name,
          nameFa: d.nameFa ?? null,
          officeNumber: d.officeNumber ?? null,
          municipality: d.municipality ?? null,
          active: true,
          registeredAt: event.metadata.recordedAt,
          deactivatedAt: null,
          deactivationReason: null,
        };
      }
      case 'OrganisationDeactivated':
        return (
          doc && {
            ...doc,
            active: false,
            deactivatedAt: event.metadata.recordedAt,
            deactivationReason: event.data.reason,
          }
        );
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
