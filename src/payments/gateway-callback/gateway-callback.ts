import { DomainError } from '../../shared/domain-error.js';

/** What a gateway posts to POST /payments/gateway/callback, signed over its exact bytes. */
export type GatewayCallback =
  | {
      readonly paymentId: string;
      readonly status: 'paid';
      readonly reference: string;
      /** Integer rials taken from the payer. */
      readonly amount: number;
      /** UTC ISO-8601. */
      readonly paidAt: string;
    }
  | {
      readonly paymentId: string;
      readonly status: 'failed';
      readonly reference?: string;
      /** Why, when the gateway says. */
      readonly reason?: string;
    };

const PAYMENT_ID = /^[\x21-\x7e]{1,100}$/;

const invalidCallback = (message: string) => new DomainError('PAYMENT.INVALID_CALLBACK', message, 'invalid');

/** Reads a callback whose signature was checked; the decider then judges the values. */
export function parseGatewayCallback(rawBody: Buffer): GatewayCallback {
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    throw invalidCallback('The callback is not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw invalidCallback('The callback is not a JSON object');
  const { paymentId, status, reference, amount, paidAt, reason } = body as Record<string, unknown>;
  if (typeof paymentId !== 'string' || !PAYMENT_ID.test(paymentId))
    throw invalidCallback('paymentId must be 1 to 100 visible ASCII characters');
  if (status === 'paid') {
    if (typeof reference !== 'string' || typeof amount !== 'number' || typeof paidAt !== 'string')
      throw invalidCallback('A paid callback carries reference, amount and paidAt');
    return { paymentId, status, reference, amount, paidAt };
  }
  if (status === 'failed') {
    if (
      (reference !== undefined && typeof reference !== 'string') ||
      (reason !== undefined && typeof reason !== 'string')
    )
      throw invalidCallback('reference and reason are text');
    return { paymentId, status, ...(reference ? { reference } : {}), ...(reason ? { reason } : {}) };
  }
  throw invalidCallback('status must be paid or failed');
}
