import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandBus } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import type { DomainEvent, RecordedEvent } from '../../event-store/event-envelope.js';
import { SqliteEventStore } from '../../event-store/sqlite/sqlite-event-store.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { ReadModelDatabase } from '../../event-store/subscriptions/read-model-database.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { permitStream, type PermitEvent } from '../../permits/permit.events.js';
import { events as e, fees, history, permitId } from '../../permits/permit.fixtures.js';
import { newId } from '../../shared/ids.js';
import { paymentStream, type PaymentEvent } from '../payment.events.js';
import { RecordPermitPaymentCommand } from './record-permit-payment.command.js';
import { RecordPermitPaymentHandler } from './record-permit-payment.handler.js';
import { RecordPermitPaymentReaction } from './record-permit-payment.reaction.js';

const paymentId = 'payment-0001';
const started: PaymentEvent = {
  type: 'PaymentStarted',
  data: {
    paymentId,
    permitId,
    municipality: 'hamedan',
    purpose: 'fees',
    amount: fees.total,
    payerNationalId: '0013542419',
    gateway: 'sandbox',
  },
};
const confirmed: PaymentEvent = {
  type: 'PaymentConfirmed',
  data: { paymentId, reference: 'SBX-1', amount: fees.total, paidAt: '2026-04-01T08:30:00.000Z' },
};
const feeLowered: PermitEvent = {
  type: 'FeeOverridden',
  data: {
    permitId,
    line: 'PERMIT_FEE',
    from: fees.total,
    to: 1_000,
    reason: 'a clerk corrected it',
    total: 1_000,
  },
};

describe('recording a confirmed online payment on its permit file', () => {
  let dir: string;
  let store: SqliteEventStore;
  let readModels: ReadModelDatabase;
  let reactions: ReactionCheckpoints;
  let reaction: RecordPermitPaymentReaction;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'daftar-payments-'));
    store = new SqliteEventStore(join(dir, 'events.db'));
    readModels = new ReadModelDatabase(join(dir, 'read-models.db'));
    reactions = new ReactionCheckpoints(join(dir, 'reactions.db'));
    const subscribers = new SubscriberRunner(store, readModels, []);
    const handler = new RecordPermitPaymentHandler(store, new CommandRunner(store, subscribers));
    const bus = { execute: (command: RecordPermitPaymentCommand) => handler.execute(command) };
    reaction = new RecordPermitPaymentReaction(bus as unknown as CommandBus, subscribers, reactions);
  });
  afterEach(async () => {
    await store.close();
    readModels.close();
    reactions.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function append(stream: string, events: readonly DomainEvent[]): Promise<void> {
    const metadata = {
      actor: { id: 'system:test', role: 'system' },
      correlationId: 'corr-payment',
      causationId: 'test',
      recordedAt: '2026-04-01T08:00:00.000Z',
      schemaVersion: 1,
    };
    await store.append(
      stream,
      events.map((event) => ({ id: newId(), ...event, metadata })),
      { expectedRevision: 'any' },
    );
  }

  /** The file at `permitEvents`, a payment started and confirmed: the confirmation as recorded. */
  async function confirmedPayment(permitEvents: readonly PermitEvent[]): Promise<RecordedEvent> {
    await append(permitStream(permitId), permitEvents);
    await append(paymentStream(paymentId), [started, confirmed]);
    return (await store.readStream(paymentStream(paymentId))).at(-1)!;
  }

  const typesOf = async (stream: string) => (await store.readStream(stream)).map((event) => event.type);

  it('records the payment as the gateway, caused by the confirmation, once however often it is delivered', async () => {
    const confirmation = await confirmedPayment(history.fees_assessed);
    await reaction.react(confirmation);
    await reaction.react(confirmation);

    const recorded = (await store.readStream(permitStream(permitId))).filter(
      (event) => event.type === 'PermitPaymentRecorded',
    );
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      data: {
        permitId,
        purpose: 'fees',
        reference: 'SBX-1',
        amount: fees.total,
        channel: 'gateway',
        paidAt: '2026-04-01T08:30:00.000Z',
      },
      metadata: {
        actor: { id: 'system:payment-gateway', role: 'system' },
        correlationId: 'corr-payment',
        causationId: confirmation.id,
      },
    });
    expect(await typesOf(paymentStream(paymentId))).toEqual(['PaymentStarted', 'PaymentConfirmed']);
  });

  it.each([
    [
      'a fee changed after the payment started',
      [...history.fees_assessed, feeLowered],
      'PAYMENT.AMOUNT_MISMATCH',
    ],
    ['the file withdrawn', [...history.fees_assessed, e.withdrawn], 'PERMIT.CLOSED'],
    ['the fees paid at the cash desk meanwhile', history.paid, 'PERMIT.ALREADY_PAID'],
  ])('marks the payment for a refund when the file refuses it: %s', async (_, permitEvents, code) => {
    const confirmation = await confirmedPayment(permitEvents);
    await reaction.react(confirmation);
    await reaction.react(confirmation);

    const payment = await store.readStream(paymentStream(paymentId));
    expect(payment.map((event) => event.type)).toEqual([
      'PaymentStarted',
      'PaymentConfirmed',
      'PaymentRejectedByFile',
    ]);
    expect(payment[2]).toMatchObject({
      data: { paymentId, code, message: expect.any(String) },
      metadata: { causationId: confirmation.id },
    });
    expect(await typesOf(permitStream(permitId))).toEqual(permitEvents.map((event) => event.type));
  });
});
