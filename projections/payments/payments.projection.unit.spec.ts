import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { PaymentEvent } from '../../src/payments/payment.events.js';
import { paymentsProjection, type PaymentView } from './payments.projection.js';

const paymentId = 'payment-0001';
const HOUR = 3_600_000;
const START = Date.parse('2026-03-01T06:00:00.000Z');
const hourAt = (n: number) => new Date(START + n * HOUR).toISOString();

const started: PaymentEvent = {
  type: 'PaymentStarted',
  data: {
    paymentId,
    permitId: 'permit-0001',
    municipality: 'hamedan',
    purpose: 'fees',
    amount: 844_800_000,
    payerNationalId: '0013542419',
    gateway: 'sandbox',
  },
};
const confirmed: PaymentEvent = {
  type: 'PaymentConfirmed',
  data: { paymentId, reference: 'SBX-1', amount: 844_800_000, paidAt: '2026-03-01T06:30:00.000Z' },
};
const failed: PaymentEvent = { type: 'PaymentFailed', data: { paymentId, reason: 'cancelled by the payer' } };
const rejected: PaymentEvent = {
  type: 'PaymentRejectedByFile',
  data: { paymentId, code: 'PERMIT.CLOSED', message: 'The permit file is closed (the file is withdrawn)' },
};

/** The events as the store records them, one hour apart. */
function fold(...events: PaymentEvent[]): PaymentView | null {
  return events
    .map(
      (event, i) =>
        ({
          ...event,
          id: `event-${i}`,
          stream: `payment-${paymentId}`,
          revision: BigInt(i),
          position: String(i + 1),
          metadata: {
            actor: { id: 'system:payment-gateway', role: 'system' },
            correlationId: 'c',
            causationId: 'r',
            recordedAt: hourAt(i),
            schemaVersion: 1,
          },
        }) as RecordedEvent<PaymentEvent>,
    )
    .reduce<PaymentView | null>((doc, event) => paymentsProjection.evolve(doc, event), null);
}

describe('payments projection', () => {
  it('holds a started payment with its amount, payer and file', () => {
    expect(fold(started)).toEqual({
      id: paymentId,
      ...started.data,
      status: 'started',
      startedAt: hourAt(0),
      updatedAt: hourAt(0),
      position: '1',
    });
  });

  it('shows the gateway reference once confirmed', () => {
    expect(fold(started, confirmed)).toMatchObject({
      status: 'confirmed',
      reference: 'SBX-1',
      paidAt: '2026-03-01T06:30:00.000Z',
      confirmedAt: hourAt(1),
      updatedAt: hourAt(1),
      position: '2',
    });
  });

  it('keeps why a payment failed, and a late confirmation after it', () => {
    expect(fold(started, failed)).toMatchObject({
      status: 'failed',
      failure: { reason: 'cancelled by the payer', at: hourAt(1) },
    });
    expect(fold(started, failed, confirmed)).toMatchObject({ status: 'confirmed', reference: 'SBX-1' });
  });

  it('marks a payment the file refused, for a refund', () => {
    expect(fold(started, confirmed, rejected)).toMatchObject({
      status: 'rejected_by_file',
      reference: 'SBX-1',
      rejection: { code: 'PERMIT.CLOSED', at: hourAt(2) },
    });
  });

  it('ignores events of a payment it never saw start', () => {
    expect(fold(confirmed)).toBeNull();
  });
});
