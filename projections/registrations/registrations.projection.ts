import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import {
  REGISTRATION_EVENT_TYPES,
  type RegistrationEvent,
} from '../../src/identity/registrations/registration.events.js';
import type { Projection } from '../projection.js';

/** A registration as the limit on wrong codes per person needs it: whose, when, how many wrong codes. */
export interface RegistrationView {
  readonly registrationId: string;
  readonly nationalId: string;
  readonly startedAt: string;
  readonly wrongCodes: number;
  readonly status: 'pending' | 'ended' | 'confirmed';
}

export const registrationsProjection: Projection<RegistrationView, RegistrationEvent> = {
  name: 'registrations',
  version: 1,
  handles: REGISTRATION_EVENT_TYPES,
  indexes: [['nationalId', 'startedAt']],
  documentId: (event) => event.data.registrationId,
  evolve: (view, event: RecordedEvent<RegistrationEvent>) => {
    const e = event;
    if (e.type === 'RegistrationStarted') {
      return {
        registrationId: e.data.registrationId,
        nationalId: e.data.nationalId,
        startedAt: event.metadata.recordedAt,
        wrongCodes: 0,
        status: 'pending',
      };
    }
    if (!view) return null;
    switch (e.type) {
      case 'RegistrationCodeResent':
        return view;
      case 'RegistrationCodeRejected':
        return { ...view, wrongCodes: e.data.attempts };
      case 'RegistrationEnded':
        return { ...view, status: 'ended' };
      case 'RegistrationConfirmed':
        return { ...view, status: 'confirmed' };
      default: {
        const unknown: never = e;
        return unknown;
      }
    }
  },
};
