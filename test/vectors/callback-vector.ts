/**
 * A gateway callback with its signature computed outside Daftar, as the gateway computes it:
 *   printf '%s' "$BODY" > body.json
 *   openssl dgst -sha256 -hmac 'daftar-gateway-vector-secret-0001' body.json
 * gateway-callback.int.spec.ts runs that command again.
 */
export const CALLBACK_VECTOR = {
  secret: 'daftar-gateway-vector-secret-0001',
  body: '{"paymentId":"pay-0001","status":"paid","reference":"A00000000000000000000000000001234567","amount":2500000,"paidAt":"2026-03-01T10:00:00.000Z"}',
  signature: 'sha256=e682114f8d0e32e3c8c5af9aed3760fc136d022533d78248c7b685410b108ea8',
  /** Key and message swapped, HMAC(key = body, message = secret): what a gateway never sends. */
  swapped: 'sha256=4266d503dc9cbd93551dbe6492cd2da90ad8e33c65ac153bd83865475b27327d',
} as const;
