import type { Actor } from '../../src/event-store/event-envelope.js';

/** The demo counter office (دفتر پیشخوان) acting for the demo owner under a consent, as events name it. */
export const counterOfficeActor: Actor = {
  id: 'user-counter',
  role: 'counter_office',
  office: 'counter-office-3',
  onBehalfOf: '0013542419',
  consent: 'consent-1',
};
