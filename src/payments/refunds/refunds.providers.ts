import { ApproveRefundHandler } from './approve-refund/approve-refund.handler.js';
import { ApproveRefundHttpController } from './approve-refund/approve-refund.http.controller.js';
import { DeclineRefundHandler } from './decline-refund/decline-refund.handler.js';
import { DeclineRefundHttpController } from './decline-refund/decline-refund.http.controller.js';
import { GetRefundHandler } from './get-refund/get-refund.handler.js';
import { GetRefundHttpController } from './get-refund/get-refund.http.controller.js';
import { ListRefundsHandler } from './list-refunds/list-refunds.handler.js';
import { ListRefundsHttpController } from './list-refunds/list-refunds.http.controller.js';
import { PayRefundHandler } from './pay-refund/pay-refund.handler.js';
import { PayRefundHttpController } from './pay-refund/pay-refund.http.controller.js';
import { RefundAccess } from './refund-access.js';
import { RefundCommands } from './refund-commands.js';
import { RefundRequester } from './refund-requester.js';
import { RefundsReadModel } from './refunds.read-model.js';
import { RequestRefundForRejectedPaymentReaction } from './request-refund-for-rejected-payment/request-refund-for-rejected-payment.reaction.js';
import { RequestRefundHandler } from './request-refund/request-refund.handler.js';
import { RequestRefundHttpController } from './request-refund/request-refund.http.controller.js';
import { SettleRefundPayoutHandler } from './settle-refund-payout/settle-refund-payout.handler.js';
import { SettleRefundPayoutHttpController } from './settle-refund-payout/settle-refund-payout.http.controller.js';

/** Refunds (استرداد وجه) of gateway payments: part of the payments module, which holds the gateway. */
export const REFUND_CONTROLLERS = [
  RequestRefundHttpController,
  ApproveRefundHttpController,
  DeclineRefundHttpController,
  PayRefundHttpController,
  SettleRefundPayoutHttpController,
  GetRefundHttpController,
  ListRefundsHttpController,
];

export const REFUND_PROVIDERS = [
  RefundsReadModel,
  RefundAccess,
  RefundCommands,
  RefundRequester,
  RequestRefundHandler,
  ApproveRefundHandler,
  DeclineRefundHandler,
  PayRefundHandler,
  SettleRefundPayoutHandler,
  GetRefundHandler,
  ListRefundsHandler,
  RequestRefundForRejectedPaymentReaction,
];
