import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { CONSENT_EVENT_TYPES, type ConsentEvent } from '../../src/identity/consents/consent.events.js';
import type { Projection } from '../projection.js';

/** A consent as the access guard, the citizen and the office see it. */
export interface ConsentView {
  readonly consentId: string;
  readonly office: string;
  readonly requestedBy: string;
  readonly citizenNationalId: string;
  readonly status: 'requested' | 'granted' | 'ended' | 'withdrawn';
  readonly requestedAt: string;
  readonly grantedAt: string | null;
  readonly validUntil: string | null;
  readonly withdrawnAt: string | null;
}

export const consentsProjection: Projection<ConsentView, ConsentEvent> = {
  name: 'consents',
  version: 1,
  handles: CONSENT_EVENT_TYPES,
  indexes: ['citizenNationalId', 'office'],
  documentId: (event) => event.data.consentId,
  evolve: (view, event: RecordedEvent<ConsentEvent>) => {
    const at = event.metadata.recordedAt;
    const e = event;
    if (e.type === 'ConsentRequested') {
      return {
        consentId: e.data.consentId,
        office: e.data.office,
        requestedBy: e.data.requestedBy,
        citizenNationalId: e.data.citizenNationalId,
        status: 'requested',
        requestedAt: at,
        grantedAt: null,
        validUntil: null,
        withdrawnAt: null,
      };
    }
    if (!view) return null;
    switch (e.type) {
      case 'ConsentCodeRejected':
        return view;
      case 'ConsentRequestEnded':
        return { ...view, status: 'ended' };
      case 'ConsentGranted':
        return { ...view, status: 'granted', grantedAt: at, validUntil: e.data.validUntil };
      case 'ConsentWithdrawn':
        return { ...view, status: 'withdrawn', withdrawnAt: at };
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  },
};
