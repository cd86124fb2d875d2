import {
  RULE_SET_EVENT_TYPES,
  type RuleSetEvent,
  type RuleSetPublishedData,
} from '../../src/rule-sets/rule-set.events.js';
import type { Projection } from '../projection.js';

/** One published version of a municipality's rule set, whole, as calculations and the public read it. */
export type RuleSetView = RuleSetPublishedData & {
  /** When it was published (UTC ISO-8601); `effectiveFrom` says when it takes effect. */
  readonly publishedAt: string;
  /** The actor id of the admin who published it. */
  readonly publishedBy: string;
};

export const ruleSetDocumentId = (municipality: string, version: number) => `${municipality}:${version}`;

export const ruleSetsProjection: Projection<RuleSetView, RuleSetEvent> = {
  name: 'rule_sets',
  version: 1,
  handles: RULE_SET_EVENT_TYPES,
  indexes: ['municipality', ['municipality', 'version']],
  documentId: (event) => ruleSetDocumentId(event.data.municipality, event.data.version),
  evolve: (_doc, event) => {
    switch (event.type) {
      case 'RuleSetPublished':
        return {
          ...event.data,
          publishedAt: event.metadata.recordedAt,
          publishedBy: event.metadata.actor.id,
        };
      default: {
        const unknown: never = event.type;
        return unknown;
      }
    }
  },
};
