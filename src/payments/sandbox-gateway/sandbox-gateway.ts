import { isCallbackSignedBy, signCallback } from '../callback-signature.js';
import type { GatewayCallback } from '../gateway-callback/gateway-callback.js';
import type { PaymentGateway } from '../payment-gateway.port.js';

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

  startUrl(paymentId: string): string {
    return `${this.publicUrl}/sandbox-gateway/${encodeURIComponent(paymentId)}`;
  }

  verifyCallback(rawBody: Buffer, signatureHeader: string | undefined): boolean {
    return isCallbackSignedBy(this.secret, rawBody, signatureHeader);
  }

  /** The bytes of a callback and their `X-Gateway-Signature`. */
  signed(callback: GatewayCallback): { readonly rawBody: Buffer; readonly signature: string } {
    const rawBody = Buffer.from(JSON.stringify(callback));
    return { rawBody, signature: signCallback(this.secret, rawBody) };
  }
}
