import {
  MUNICIPALITY_EVENT_TYPES,
  type MunicipalityEvent,
  type Region,
} from '../../src/identity/municipalities/municipality.events.js';
import type { Projection } from '../projection.js';

/** A municipality and its regions, as the public directory and scope checks read them. */
export interface MunicipalityView {
  readonly code: string;
  readonly name: string;
  readonly nameFa: string;
  readonly regions: readonly Region[];
  readonly province?: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export const municipalitiesProjection: Projection<MunicipalityView, MunicipalityEvent> = {
  name: 'municipalities',
  version: 1,
  handles: MUNICIPALITY_EVENT_TYPES,
  documentId: (event) => event.data.code,
  evolve: (doc, event) => {
    const at = event.metadata.recordedAt;
    switch (event.type) {
      case 'MunicipalityRegistered':
        return { ...event.data, registeredAt: at, updatedAt: at };
      case 'RegionAdded':
        return doc && { ...doc, regions: [...doc.regions, event.data.region], updatedAt: at };
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
