import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const STAND_IN_MERCHANT_ID = '1344b5d4-0048-11e8-94db-005056a205be';
export const STAND_IN_ACCESS_TOKEN = 'the-zarinpal-access-token';

interface Session {
  readonly authority: string;
  readonly session: number;
  readonly amount: number;
  readonly callbackUrl: string;
  readonly orderId: string | undefined;
  paid: boolean;
  verified: boolean;
  refunded: number;
}

type Json = Record<string, unknown>;

/** `{ data: [], errors: { code, message, validations } }`, as Zarinpal answers a refusal. */
const refusal = (code: number, message: string): Json => ({
  data: [],
  errors: { code, message, validations: [] },
});

/**
 * A local stand-in that follows Zarinpal's published REST API v4 (payment.zarinpal.com/pg/v4/payment/*)
 * and its GraphQL AddRefund: request → authority (`A` and 35 digits, the session number padded),
 * verify → 100 with ref_id and card_pan, 101 once verified, -50 for another amount, -51 unpaid,
 * -53 another merchant's, -54 an unknown authority; -9 for invalid input, -10 for an unknown merchant.
 * The payer's part (the StartPay page) is `pay(authority)`.
 */
export function zarinpalStandIn() {
  const sessions = new Map<string, Session>();
  const requests: { path: string; body: Json }[] = [];
  let nextSession = 385_404_100;
  let down = false;

  function paymentRequest(body: Json): Json {
    const { merchant_id, amount, callback_url, description, metadata } = body;
    if (merchant_id !== STAND_IN_MERCHANT_ID)
      return refusal(-10, 'Terminal is not valid, please check merchant_id or ip address.');
    if (
      !Number.isSafeInteger(amount) ||
      (amount as number) < 10_000 ||
      typeof callback_url !== 'string' ||
      typeof description !== 'string'
    )
      return refusal(-9, 'The input params invalid, validation error.');
    const session = nextSession++;
    const authority = `A${String(session).padStart(35, '0')}`;
    const orderId = (metadata as Json | undefined)?.['order_id'];
    sessions.set(authority, {
      authority,
      session,
      amount: amount as number,
      callbackUrl: callback_url,
      orderId: typeof orderId === 'string' ? orderId : undefined,
      paid: false,
      verified: false,
      refunded: 0,
    });
    return { data: { code: 100, message: 'Success', authority, fee_type: 'Merchant', fee: 0 }, errors: [] };
  }

  function verify(body: Json): Json {
    const found = sessions.get(String(body['authority']));
    if (!found) return refusal(-54, 'Invalid authority.');
    if (body['merchant_id'] !== STAND_IN_MERCHANT_ID)
      return refusal(-53, 'Session is not this merchant_id session.');
    if (body['amount'] !== found.amount)
      return refusal(-50, 'Session is not valid, amounts values is not the same.');
    if (!found.paid) return refusal(-51, 'Session is not valid, session is not active paid try.');
    const code = found.verified ? 101 : 100;
    found.verified = true;
    const refId = found.session - 385_404_100 + 201;
    return {
      data: {
        code,
        message: code === 100 ? 'Paid' : 'Verified',
        card_hash: '1EBE3EBEBE35C7EC0F8D6EE4F2F859107A87822CA179BC9528767EA7B5489B69',
        card_pan: '502229******5995',
        ref_id: refId,
        fee_type: 'Merchant',
        fee: 0,
      },
      errors: [],
    };
  }

  function refund(body: Json, authorization: string | undefined): Json {
    if (authorization !== `Bearer ${STAND_IN_ACCESS_TOKEN}`)
      return { errors: [{ message: 'Unauthenticated.' }] };
    const variables = (body['variables'] ?? {}) as Json;
    const found = [...sessions.values()].find((s) => String(s.session) === String(variables['session_id']));
    const amount = variables['amount'] as number;
    if (!found || !found.verified) return { errors: [{ message: 'Session not found.' }] };
    if (!Number.isSafeInteger(amount) || amount < 20_000 || found.refunded + amount > found.amount)
      return { errors: [{ message: 'Refund amount is not valid.' }] };
    found.refunded += amount;
    return {
      data: {
        resource: {
          terminal_id: '1',
          id: `${found.session}`,
          amount: found.amount,
          timeline: {
            refund_amount: amount,
            refund_time: new Date().toISOString(),
            refund_status: 'PENDING',
          },
        },
      },
    };
  }

  function answer(request: IncomingMessage, response: ServerResponse, raw: string): void {
    if (down) {
      request.socket.destroy();
      return;
    }
    const path = request.url ?? '';
    let body: Json = {};
    try {
      body = JSON.parse(raw) as Json;
    } catch {
      // An empty or broken body is the same validation error.
    }
    requests.push({ path, body });
    const authorization = request.headers['authorization'];
    const result =
      path === '/pg/v4/payment/request.json'
        ? paymentRequest(body)
        : path === '/pg/v4/payment/verify.json'
          ? verify(body)
          : path === '/api/v4/graphql'
            ? refund(body, typeof authorization === 'string' ? authorization : undefined)
            : undefined;
    response
      .writeHead(result ? 200 : 404, { 'content-type': 'application/json' })
      .end(JSON.stringify(result ?? { errors: { code: -1, message: 'Not found' } }));
  }

  const server: Server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => answer(request, response, raw));
  });

  return {
    requests,
    /** The payer pays on the StartPay page. */
    pay(authority: string): void {
      const found = sessions.get(authority);
      if (!found) throw new Error(`no authority ${authority}`);
      found.paid = true;
    },
    /** Connections are dropped, as when the gateway is down. */
    setDown(value: boolean): void {
      down = value;
    },
    refundedOf: (authority: string) => sessions.get(authority)?.refunded,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type ZarinpalStandIn = ReturnType<typeof zarinpalStandIn>;
