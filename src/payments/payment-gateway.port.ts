import type { GatewayName } from './payment.events.js';

/** The header a gateway signs its callbacks in: `X-Gateway-Signature: sha256=<hex>`. */
export const SIGNATURE_HEADER = 'x-gateway-signature';

/** A bank's internet payment gateway (درگاه پرداخت): where payers pay, and who calls us back. */
export interface PaymentGateway {
  readonly name: GatewayName;
  /**
   * Opens the payment at the gateway (server to server, where it needs to) and answers where to send
   * the payer. Rejects with `PAYMENT.GATEWAY_UNAVAILABLE` (try again) or `PAYMENT.GATEWAY_REFUSED`.
   */
  start(intent: GatewayIntent): Promise<GatewayStart>;
  /**
   * Gateways that call us with a signed callback (only the sandbox): whether `signatureHeader` is the
   * signature over exactly these bytes. Without it, POST /payments/gateway/callback is not served.
   */
  verifyCallback?(rawBody: Buffer, signatureHeader: string | undefined): boolean;
  /**
   * Gateways that send the payer back instead of calling us: asks the gateway, server to server,
   * whether the intent was paid. Rejects with `PAYMENT.GATEWAY_UNAVAILABLE` when it cannot tell.
   */
  verify?(request: VerifyRequest): Promise<Verification>;
  /**
   * Returns `amount` rials of a confirmed payment (`reference`, the gateway's own) to the card it came
   * from. Resolves with the gateway's reference for the refund; rejects with a `DomainError`:
   * `PAYMENT.REFUND_REFUSED` (invalid, the gateway said no) or `PAYMENT.GATEWAY_UNAVAILABLE` (try again).
   */
  refund(request: RefundRequest): Promise<{ readonly refundReference: string }>;
}

export type RefundRequest = {
  readonly paymentId: string;
  readonly reference: string;
  readonly amount: number;
  readonly reason: string;
};

export type GatewayIntent = {
  readonly paymentId: string;
  /** Integer rials. */
  readonly amount: number;
  /** What the payer reads at the gateway. */
  readonly description: string;
};

export type GatewayStart = {
  readonly redirectUrl: string;
  /** The gateway's own id for the intent, recorded so that its return can be matched. */
  readonly gatewayReference?: string;
};

export type VerifyRequest = { readonly gatewayReference: string; readonly amount: number };

export type Verification =
  | { readonly paid: true; readonly reference: string; readonly amount: number }
  | { readonly paid: false; readonly code: string; readonly reason: string };

export const PAYMENT_GATEWAY = Symbol('PaymentGateway');
