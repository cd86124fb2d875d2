import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { RefundStatus } from '../../src/payments/refunds/refund.decider.js';
import {
  REFUND_EVENT_TYPES,
  type RefundEvent,
  type RefundMethod,
} from '../../src/payments/refunds/refund.events.js';
import type { Projection } from '../projection.js';

type Requested = Extract<RefundEvent, { type: 'RefundRequested' }>['data'];

/** A refund (استرداد وجه) as its payer and the municipality's staff read it: the request, then its fate. */
export interface RefundView extends Requested {
  readonly id: string;
  readonly status: RefundStatus;
  readonly requestedAt: string;
  readonly approval?: { readonly by: string; readonly at: string };
  readonly decline?: { readonly by: string; readonly reason: string; readonly at: string };
  readonly payout?: {
    readonly method: RefundMethod;
    readonly refundReference: string;
    readonly paidAt: string;
  };
  /**
   * The latest payout through the gateway: started by a cashier (`by`), and its failure if the
   * gateway refused it. While `paying`, its outcome is not recorded yet.
   */
  readonly payoutAttempt?: {
    readonly method: RefundMethod;
    readonly by: string;
    readonly at: string;
    readonly failure?: { readonly code: string; readonly by: string; readonly at: string };
  };
  readonly updatedAt: string;
  /** The global position of the last event folded in. */
  readonly position: string;
}

function changes(
  event: RecordedEvent<Exclude<RefundEvent, { type: 'RefundRequested' }>>,
  attempt: RefundView['payoutAttempt'],
): Partial<RefundView> {
  const at = event.metadata.recordedAt;
  switch (event.type) {
    case 'RefundApproved':
      return { status: 'approved', approval: { by: event.data.approvedBy, at } };
    case 'RefundDeclined':
      return { status: 'declined', decline: { by: event.data.declinedBy, reason: event.data.reason, at } };
    case 'RefundPayoutStarted':
      return { status: 'paying', payoutAttempt: { method: event.data.method, by: event.data.by, at } };
    case 'RefundPayoutFailed': {
      const { code, by } = event.data;
      return {
        status: 'approved',
        ...(attempt && { payoutAttempt: { ...attempt, failure: { code, by, at } } }),
      };
    }
    case 'RefundPaid': {
      const { method, refundReference, paidAt } = event.data;
      return { status: 'paid', payout: { method, refundReference, paidAt } };
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const refundsProjection: Projection<RefundView, RefundEvent> = {
  name: 'refunds',
  version: 1,
  handles: REFUND_EVENT_TYPES,
  indexes: ['paymentId', 'permitId', 'municipality', 'status', 'payerNationalId'],
  documentId: (event) => event.data.refundId,
  evolve: (doc, event) => {
    const at = event.metadata.recordedAt;
    if (event.type === 'RefundRequested') {
      return {
        id: event.data.refundId,
        ...event.data,
        status: 'requested',
        requestedAt: at,
        updatedAt: at,
        position: event.position,
      };
    }
    return doc && { ...doc, ...changes(event, doc.payoutAttempt), updatedAt: at, position: event.position };
  },
};
