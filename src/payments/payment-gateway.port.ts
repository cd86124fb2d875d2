import type { GatewayName } from './payment.events.js';

/** The header a gateway signs its callbacks in: `X-Gateway-Signature: sha256=<hex>`. */
export const SIGNATURE_HEADER = 'x-gateway-signature';

/** A bank's internet payment gateway (درگاه پرداخت): where payers pay, and who calls us back. */
export interface PaymentGateway {
  readonly name: GatewayName;
  /** The page the payer is sent to for this payment. */
  startUrl(paymentId: string): string;
  /** Whether `signatureHeader` is the gateway's signature over exactly these callback bytes. */
  verifyCallback(rawBody: Buffer, signatureHeader: string | undefined): boolean;
}

export const PAYMENT_GATEWAY = Symbol('PaymentGateway');
