import type { EventStore } from '../../../event-store/event-store.port.js';
import type { Caller } from '../../../identity/auth/caller.decorator.js';
import { DomainError } from '../../../shared/domain-error.js';
import type { PaymentEvent } from '../../payment.events.js';
import type { PaymentGateway } from '../../payment-gateway.port.js';
import type { RefundCommands } from '../refund-commands.js';
import type { RefundView } from '../refunds.read-model.js';
import { PayRefundCommand } from './pay-refund.command.js';
import { PayRefundHandler } from './pay-refund.handler.js';

const NOW = '2026-04-02T09:00:00.000Z';
const refund = {
  refundId: 'refund-1',
  paymentId: 'payment-1',
  amount: 1_000,
  reason: 'the file was withdrawn',
  status: 'approved',
} as RefundView;
const payment: PaymentEvent[] = [
  {
    type: 'PaymentStarted',
    data: {
      paymentId: 'payment-1',
      permitId: 'permit-1',
      municipality: 'hamedan',
      purpose: 'fees',
      amount: 1_000,
      payerNationalId: '0013542419',
      gateway: 'sandbox',
    },
  },
  {
    type: 'PaymentConfirmed',
    data: { paymentId: 'payment-1', reference: 'BANK-1', amount: 1_000, paidAt: NOW },
  },
];

function handlerWith(
  refundOf: PaymentGateway['refund'],
  start: () => Promise<unknown> = Promise.resolve.bind(Promise),
) {
  const run = jest.fn((_caller: Caller, command: { type: string }) =>
    command.type === 'StartRefundPayout' ? start() : Promise.resolve(command as unknown as RefundView),
  );
  const commands = { handled: () => refund, run } as unknown as RefundCommands;
  const store = { readStream: () => Promise.resolve(payment) } as unknown as EventStore;
  const gateway = { refund: jest.fn(refundOf) } as unknown as PaymentGateway;
  return { handler: new PayRefundHandler(store, gateway, commands), run, gateway };
}

const caller = { now: NOW, signedIn: { id: 'user-cashier-1' } } as Caller;
const pay = (method: 'gateway' | 'cash_desk', receiptReference?: string) =>
  new PayRefundCommand('refund-1', { method, ...(receiptReference ? { receiptReference } : {}) }, caller);
const startPayout = {
  type: 'StartRefundPayout',
  data: { refundId: 'refund-1', method: 'gateway', by: 'user-cashier-1' },
};
const commandsRun = (run: jest.Mock) =>
  run.mock.calls.map(([, command]) => (command as { type: string }).type);

describe('paying a refund', () => {
  it('records the payout as started, then asks the gateway against the payment’s reference, then records its reference', async () => {
    const { handler, run, gateway } = handlerWith(() =>
      Promise.resolve({ refundReference: 'REFUND-BANK-1' }),
    );
    await handler.execute(pay('gateway'));
    expect(run.mock.calls[0]![1]).toEqual(startPayout);
    expect(gateway.refund).toHaveBeenCalledWith({
      paymentId: 'payment-1',
      reference: 'BANK-1',
      amount: 1_000,
      reason: 'the file was withdrawn',
    });
    expect(run).toHaveBeenLastCalledWith(caller, {
      type: 'PayRefund',
      data: { refundId: 'refund-1', method: 'gateway', refundReference: 'REFUND-BANK-1', paidAt: NOW },
    });
  });

  it('never asks the gateway when the payout cannot be started (another cashier started it)', async () => {
    const inProgress = new DomainError('REFUND.PAYOUT_IN_PROGRESS', 'paying already');
    const { handler, run, gateway } = handlerWith(
      () => Promise.resolve({ refundReference: 'X' }),
      () => Promise.reject(inProgress),
    );
    await expect(handler.execute(pay('gateway'))).rejects.toBe(inProgress);
    expect(gateway.refund).not.toHaveBeenCalled();
    expect(commandsRun(run)).toEqual(['StartRefundPayout']);
  });

  it('records a refusal of the gateway as a failed payout, approved again for the cash desk', async () => {
    const refused = new DomainError('PAYMENT.REFUND_REFUSED', 'no', 'invalid');
    const { handler, run } = handlerWith(() => Promise.reject(refused));
    await expect(handler.execute(pay('gateway'))).rejects.toBe(refused);
    expect(run).toHaveBeenLastCalledWith(caller, {
      type: 'FailRefundPayout',
      data: { refundId: 'refund-1', code: 'PAYMENT.REFUND_REFUSED', by: 'user-cashier-1' },
    });
  });

  it.each([
    ['unavailable', new DomainError('PAYMENT.GATEWAY_UNAVAILABLE', 'try again', 'unavailable')],
    ['a timeout', new Error('The operation was aborted due to timeout')],
  ])(
    'leaves the refund paying when the gateway’s answer is %s: a cashier settles it from the panel',
    async (_name, error) => {
      const { handler, run } = handlerWith(() => Promise.reject(error));
      await expect(handler.execute(pay('gateway'))).rejects.toMatchObject({
        code: 'REFUND.PAYOUT_OUTCOME_UNKNOWN',
        kind: 'unavailable',
        details: { status: 'paying' },
      });
      expect(commandsRun(run)).toEqual(['StartRefundPayout']);
    },
  );

  it('records the cash desk’s receipt without the gateway', async () => {
    const { handler, run, gateway } = handlerWith(() => Promise.resolve({ refundReference: 'X' }));
    await handler.execute(pay('cash_desk', 'RCPT-7'));
    expect(gateway.refund).not.toHaveBeenCalled();
    expect(commandsRun(run)).toEqual(['PayRefund']);
    expect(run).toHaveBeenCalledWith(caller, {
      type: 'PayRefund',
      data: { refundId: 'refund-1', method: 'cash_desk', refundReference: 'RCPT-7', paidAt: NOW },
    });
  });
});
