import { isCallbackSignedBy, signCallback } from '../callback-signature.js';
import type { GatewayCallback } from '../gateway-callback/gateway-callback.js';
import type { GatewayIntent, GatewayStart, PaymentGateway, RefundRequest } from '../payment-gateway.port.js';

/**
 * The gateway built in for demo mode: its pages stand in for a bank's, and it signs its callbacks
 * with the same secret and format a real gateway would use.
 */
export class SandboxGateway implements PaymentGateway {
  readonly name = 'sandbox' as const;

  constructor(
    private readonly publicUrl: string,
    private readonly secret: string,
  ) {}

  start({ paymentId }: GatewayIntent): Promise<GatewayStart> {
    return Promise.resolve({ redirectUrl: this.startUrl(paymentId) });
  }

  /** The page the payer is sent to for this payment. */
  startUrl(paymentId: string): string {
    return `${this.publicUrl}/sandbox-gateway/${encodeURIComponent(paymentId)}`;
  }

  verifyCallback(rawBody: Buffer, signatureHeader: string | undefined): boolean {
    return isCallbackSignedBy(this.secret, rawBody, signatureHeader);
  }

  /** The sandbox always refunds; its reference is derived from the payment's, so a retry gives the same one. */
  refund(request: RefundRequest): Promise<{ readonly refundReference: string }> {
    return Promise.resolve({ refundReference: `REFUND-${request.reference}` });
  }

  /** The bytes of a callback and their `X-Gateway-Signature`. */
  signed(callback: GatewayCallback): { readonly rawBody: Buffer; readonly signature: string } {
    const rawBody = Buffer.from(JSON.stringify(callback));
    return { rawBody, signature: signCallback(this.secret, rawBody) };
  }
}
