import type { PaymentPurpose } from '../permits/permit.events.js';

/** The gateways Daftar can send a payer to: the demo's built-in sandbox, or Zarinpal (زرین‌پال). */
export type GatewayName = 'sandbox' | 'zarinpal';

/**
 * An online payment intent, in stream `payment-<paymentId>`: the amount asked of the payer for one
 * permit file, then the gateway's word on it. Amounts are integer rials.
 */
export type PaymentEvent =
  | {
      readonly type: 'PaymentStarted';
      readonly data: {
        readonly paymentId: string;
        readonly permitId: string;
        readonly municipality: string;
        readonly purpose: PaymentPurpose;
        readonly amount: number;
        /** The applicant (کد ملی) the payment is for, whoever started it. */
        readonly payerNationalId: string;
        readonly gateway: GatewayName;
        /** The gateway's own id for the intent (Zarinpal's authority), by which its return is matched. */
        readonly gatewayReference?: string;
      };
    }
  | {
      readonly type: 'PaymentConfirmed';
      readonly data: {
        readonly paymentId: string;
        /** The gateway's transaction reference: the same reference is the same payment. */
        readonly reference: string;
        readonly amount: number;
        /** UTC ISO-8601, as the gateway reports it. */
        readonly paidAt: string;
      };
    }
  | {
      readonly type: 'PaymentFailed';
      /** `code`: the gateway's own, when it gave one (Zarinpal's -51: not paid). */
      readonly data: { readonly paymentId: string; readonly reason: string; readonly code?: string };
    }
  /** Neither confirmed nor failed in time: the payer never came back, or the gateway never called. */
  | {
      readonly type: 'PaymentExpired';
      /** The file and amount, so that its applicant can be told without reading the intent. */
      readonly data: {
        readonly paymentId: string;
        readonly permitId: string;
        readonly amount: number;
        readonly startedAt: string;
      };
    }
  /** The money was taken but the file refused it (fees changed, file closed): a refund is due. */
  | {
      readonly type: 'PaymentRejectedByFile';
      readonly data: { readonly paymentId: string; readonly code: string; readonly message: string };
    };

export type PaymentEventType = PaymentEvent['type'];

// A record, so that the compiler refuses a list that misses a type.
const EVENT_TYPES: { readonly [type in PaymentEventType]: true } = {
  PaymentStarted: true,
  PaymentConfirmed: true,
  PaymentFailed: true,
  PaymentRejectedByFile: true,
  PaymentExpired: true,
};

export const PAYMENT_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly PaymentEventType[];

export const paymentStream = (paymentId: string) => `payment-${paymentId}`;
