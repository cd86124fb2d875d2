import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { PaymentStatus } from '../../src/payments/payment.decider.js';
import {
  PAYMENT_EVENT_TYPES,
  type GatewayName,
  type PaymentEvent,
} from '../../src/payments/payment.events.js';
import type { PaymentPurpose } from '../../src/permits/permit.events.js';
import type { Projection } from '../projection.js';

/** An online payment as its payer and the municipality's staff (and oversight, for refunds) read it. */
export interface PaymentView {
  readonly id: string;
  readonly paymentId: string;
  readonly permitId: string;
  readonly municipality: string;
  readonly purpose: PaymentPurpose;
  /** Integer rials. */
  readonly amount: number;
  readonly payerNationalId: string;
  readonly gateway: GatewayName;
  /** The gateway's id for the intent (Zarinpal's authority). */
  readonly gatewayReference?: string;
  readonly status: PaymentStatus;
  readonly startedAt: string;
  /** The gateway's reference, once confirmed. */
  readonly reference?: string;
  readonly paidAt?: string;
  readonly confirmedAt?: string;
  readonly failure?: { readonly reason: string; readonly code?: string; readonly at: string };
  /** Neither confirmed nor failed in time. */
  readonly expiredAt?: string;
  /** The file refused the money: it must be refunded. */
  readonly rejection?: { readonly code: string; readonly message: string; readonly at: string };
  readonly updatedAt: string;
  /** The global position of the last event folded in. */
  readonly position: string;
}

function changes(
  event: RecordedEvent<Exclude<PaymentEvent, { type: 'PaymentStarted' }>>,
): Partial<PaymentView> {
  const at = event.metadata.recordedAt;
  switch (event.type) {
    case 'PaymentConfirmed': {
      const { reference, paidAt } = event.data;
      return { status: 'confirmed', reference, paidAt, confirmedAt: at };
    }
    case 'PaymentFailed': {
      const { reason, code } = event.data;
      return { status: 'failed', failure: { reason, ...(code === undefined ? {} : { code }), at } };
    }
    case 'PaymentExpired':
      return { status: 'expired', expiredAt: at };
    case 'PaymentRejectedByFile': {
      const { code, message } = event.data;
      return { status: 'rejected_by_file', rejection: { code, message, at } };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const paymentsProjection: Projection<PaymentView, PaymentEvent> = {
  name: 'payments',
  version: 2,
  handles: PAYMENT_EVENT_TYPES,
  indexes: ['permitId', 'municipality', 'status', 'payerNationalId', 'gatewayReference'],
  documentId: (event) => event.data.paymentId,
  evolve: (doc, event) => {
    const at = event.metadata.recordedAt;
    if (event.type === 'PaymentStarted') {
      return {
        id: event.data.paymentId,
        ...event.data,
        status: 'started',
        startedAt: at,
        updatedAt: at,
        position: event.position,
      };
    }
    return doc && { ...doc, ...changes(event), updatedAt: at, position: event.position };
  },
};
