import { DomainError } from '../../shared/domain-error.js';
import type {
  GatewayIntent,
  GatewayStart,
  PaymentGateway,
  RefundRequest,
  Verification,
  VerifyRequest,
} from '../payment-gateway.port.js';

export interface ZarinpalSettings {
  readonly merchantId: string;
  /** Base of the payment API: `<url>/pg/v4/payment/request.json`, `<url>/pg/StartPay/<authority>`. */
  readonly url: string;
  /** The GraphQL API refunds go through, with `accessToken`. */
  readonly refundUrl: string;
  readonly accessToken: string | undefined;
  readonly timeoutMs: number;
  /** Where Zarinpal sends the payer back: `?Authority=…&Status=OK|NOK` is appended. */
  readonly returnUrl: string;
}

/** Zarinpal's smallest refund, in rials. */
const MIN_REFUND = 20_000;
const PAID = 100;
const ALREADY_VERIFIED = 101;

const unavailable = (why: string) =>
  new DomainError(
    'PAYMENT.GATEWAY_UNAVAILABLE',
    `Zarinpal could not be reached or cannot tell: ${why}`,
    'unavailable',
  );

type Answer = { readonly status: number; readonly body: Record<string, unknown> };

/**
 * Zarinpal (زرین‌پال), through its REST API v4: a payment request gives an authority, the payer pays on
 * Zarinpal's StartPay page and is sent back with it, and only a server-to-server verification says
 * the money moved. Refunds go through its GraphQL API (AddRefund) with an access token.
 */
export class ZarinpalGateway implements PaymentGateway {
  readonly name = 'zarinpal' as const;

  constructor(
    private readonly settings: ZarinpalSettings,
    /** The authority a payment was started with; refunds name Zarinpal's session by it. */
    private readonly authorityOf: (paymentId: string) => string | undefined,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  async start(intent: GatewayIntent): Promise<GatewayStart> {
    const { body } = await this.post(`${this.settings.url}/pg/v4/payment/request.json`, {
      merchant_id: this.settings.merchantId,
      amount: intent.amount,
      currency: 'IRR',
      callback_url: this.settings.returnUrl,
      description: intent.description,
      metadata: { order_id: intent.paymentId },
    });
    const data = asRecord(body['data']);
    const authority = data['authority'];
    if (data['code'] !== PAID || typeof authority !== 'string' || !/^A[0-9A-Za-z]{1,64}$/.test(authority)) {
      const { code, message } = errorOf(body);
      if (isTerminalProblem(code)) throw unavailable(`request answered ${code}: ${message}`);
      throw new DomainError('PAYMENT.GATEWAY_REFUSED', `Zarinpal refused the payment: ${code}`, 'conflict', {
        gatewayCode: String(code),
      });
    }
    return {
      redirectUrl: `${this.settings.url}/pg/StartPay/${encodeURIComponent(authority)}`,
      gatewayReference: authority,
    };
  }

  async verify({ gatewayReference, amount }: VerifyRequest): Promise<Verification> {
    const { body } = await this.post(`${this.settings.url}/pg/v4/payment/verify.json`, {
      merchant_id: this.settings.merchantId,
      amount,
      authority: gatewayReference,
    });
    const data = asRecord(body['data']);
    const refId = data['ref_id'];
    if ((data['code'] === PAID || data['code'] === ALREADY_VERIFIED) && isReference(refId)) {
      return { paid: true, reference: String(refId), amount };
    }
    const { code, message } = errorOf(body);
    if (isTerminalProblem(code)) throw unavailable(`verify answered ${code}: ${message}`);
    return { paid: false, code: String(code), reason: `Zarinpal ${code}: ${message}` };
  }

  async refund(request: RefundRequest): Promise<{ readonly refundReference: string }> {
    const refused = (why: string) =>
      new DomainError('PAYMENT.REFUND_REFUSED', `Zarinpal refused the refund: ${why}`, 'invalid');
    if (this.settings.accessToken === undefined)
      throw unavailable('no access token for refunds is configured');
    if (request.amount < MIN_REFUND) throw refused(`Zarinpal refunds at least ${MIN_REFUND} rials`);
    const authority = this.authorityOf(request.paymentId);
    if (authority === undefined) throw refused('the payment did not go through Zarinpal');
    const { body } = await this.post(
      this.settings.refundUrl,
      {
        query: ADD_REFUND,
        variables: {
          session_id: sessionIdOf(authority),
          amount: request.amount,
          description: request.reason.slice(0, 500),
          method: 'CARD',
          reason: 'CUSTOMER_REQUEST',
        },
      },
      { authorization: `Bearer ${this.settings.accessToken}` },
    );
    const resource = asRecord(asRecord(body['data'])['resource']);
    const id = resource['id'];
    if (typeof id === 'string' || typeof id === 'number') return { refundReference: String(id) };
    const errors = Array.isArray(body['errors']) ? body['errors'] : [];
    throw refused(String(asRecord(errors[0])['message'] ?? 'no refund in the answer'));
  }

  private async post(url: string, payload: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      throw unavailable(error instanceof Error ? error.message : String(error));
    }
    if (response.status >= 500) throw unavailable(`HTTP ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw unavailable(`HTTP ${response.status} without a JSON answer`);
    }
    return { status: response.status, body: asRecord(body) };
  }
}

const ADD_REFUND = `mutation AddRefund($session_id: ID!, $amount: BigInteger!, $description: String, $method: InstantPayoutActionTypeEnum, $reason: RefundReasonEnum) {
  resource: AddRefund(session_id: $session_id, amount: $amount, description: $description, method: $method, reason: $reason) {
    terminal_id id amount timeline { refund_amount refund_time refund_status }
  }
}`;

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const isReference = (value: unknown): value is string | number =>
  (typeof value === 'number' && Number.isSafeInteger(value)) ||
  (typeof value === 'string' && /^[\x21-\x7e]{1,64}$/.test(value));

/** `{ errors: { code, message } }` of an answer that is not a success, or its `data.code`. */
function errorOf(body: Record<string, unknown>): { code: number | string; message: string } {
  const errors = asRecord(body['errors']);
  const data = asRecord(body['data']);
  const code = errors['code'] ?? data['code'] ?? 'unknown';
  const message = errors['message'] ?? data['message'] ?? 'no message';
  return { code: typeof code === 'number' ? code : String(code), message: String(message) };
}

/**
 * -9 to -19 are about our terminal (merchant id, address, limits, too many attempts), not about the
 * payment: nothing can be concluded about the money, so the caller tries again later.
 */
const isTerminalProblem = (code: number | string) => typeof code !== 'number' || (code <= -9 && code >= -19);

/** Zarinpal's session (transaction) number is the authority's digits after `A` and its padding. */
export const sessionIdOf = (authority: string) => authority.replace(/^A0*/, '');
