import { Webhook } from 'standardwebhooks';
import { newWebhookSecret, signWebhook, webhookSignatures } from './webhook-signature.js';

describe('webhook signatures (Standard Webhooks)', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;

  it('signs the specification’s own example', () => {
    expect(signWebhook(secret, id, timestamp, '{"test": 2432232314}')).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('sends one signature per secret, and either verifies', () => {
    const other = newWebhookSecret();
    const body = '{"a":1}';
    const now = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': String(now),
      'webhook-signature': webhookSignatures([other, secret], id, now, body),
    };
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ a: 1 });
    expect(new Webhook(other).verify(body, headers)).toEqual({ a: 1 });
  });

  it('makes whsec_ secrets of 32 random bytes', () => {
    const made = newWebhookSecret();
    expect(made).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(newWebhookSecret()).not.toBe(made);
  });
});
