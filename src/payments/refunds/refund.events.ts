/** How a refund reached the payer: back to the card through the gateway, or in cash at the desk. */
export type RefundMethod = 'gateway' | 'cash_desk';

/**
 * A refund (استرداد وجه) of money a payer paid through the gateway: asked for, approved or declined by
 * a second person, then paid. Every refund of one payment is in that payment's stream
 * `refunds-<paymentId>`, so that what is left of it is decided at the stream's revision. Amounts are
 * integer rials.
 */
export type RefundEvent =
  | {
      readonly type: 'RefundRequested';
      readonly data: {
        readonly refundId: string;
        readonly paymentId: string;
        readonly permitId: string;
        readonly municipality: string;
        readonly amount: number;
        readonly reason: string;
        /** Who is owed the money (کد ملی). */
        readonly payerNationalId: string;
        /** The clerk's user id, or `system:refunds` for a payment the file refused. */
        readonly requestedBy: string;
      };
    }
  | {
      readonly type: 'RefundApproved';
      readonly data: { readonly refundId: string; readonly approvedBy: string };
    }
  | {
      readonly type: 'RefundDeclined';
      readonly data: { readonly refundId: string; readonly reason: string; readonly declinedBy: string };
    }
  | {
      /** A payout through the gateway begins: recorded before the gateway is asked, so it is asked once. */
      readonly type: 'RefundPayoutStarted';
      readonly data: { readonly refundId: string; readonly method: 'gateway'; readonly by: string };
    }
  | {
      /**
       * The gateway refused the payout, or a cashier found in its panel that it did not happen: the
       * refund is approved again, to be paid at the cash desk (or through the gateway once more).
       */
      readonly type: 'RefundPayoutFailed';
      readonly data: {
        readonly refundId: string;
        /** The gateway's refusal (`PAYMENT.REFUND_REFUSED`), or `REFUND.NOT_IN_GATEWAY_PANEL` by hand. */
        readonly code: string;
        readonly by: string;
      };
    }
  | {
      readonly type: 'RefundPaid';
      readonly data: {
        readonly refundId: string;
        /** The file and the amount, so that whoever tells the payer needs no other stream. */
        readonly permitId: string;
        readonly amount: number;
        readonly method: RefundMethod;
        /** The gateway's reference for the refund, or the cash desk's receipt number. */
        readonly refundReference: string;
        /** UTC ISO-8601. */
        readonly paidAt: string;
      };
    };

export type RefundEventType = RefundEvent['type'];

// A record, so that the compiler refuses a list that misses a type.
const EVENT_TYPES: { readonly [type in RefundEventType]: true } = {
  RefundRequested: true,
  RefundApproved: true,
  RefundDeclined: true,
  RefundPayoutStarted: true,
  RefundPayoutFailed: true,
  RefundPaid: true,
};

export const REFUND_EVENT_TYPES = Object.keys(EVENT_TYPES) as readonly RefundEventType[];

export const refundsStream = (paymentId: string) => `refunds-${paymentId}`;
