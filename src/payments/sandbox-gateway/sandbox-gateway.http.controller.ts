import { randomBytes } from 'node:crypto';
import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { DomainError } from '../../shared/domain-error.js';
import { prefersHtml } from '../../shared/http/html.js';
import type { GatewayCallback } from '../gateway-callback/gateway-callback.js';
import { GatewayCallbackAnswerDto } from '../gateway-callback/gateway-callback-answer.response.dto.js';
import { ReceiveGatewayCallbackCommand } from '../gateway-callback/gateway-callback.command.js';
import { paymentNotFound } from '../payment.decider.js';
import { PAYMENT_GATEWAY, type PaymentGateway } from '../payment-gateway.port.js';
import { PaymentsReadModel, type PaymentView } from '../payments.read-model.js';
import { SandboxGateway } from './sandbox-gateway.js';
import { sandboxPaymentPage, sandboxResultPage } from './sandbox-pages.js';

const HTML = 'text/html; charset=utf-8';

/**
 * Demo mode's stand-in for a bank's payment pages. Its buttons sign a callback as a gateway would and
 * hand it to the same handler POST /payments/gateway/callback uses, in-process. Served only while the
 * sandbox is the configured gateway (never in production, which refuses it), and only for its intents.
 */
@ApiTags('sandbox gateway')
@Controller('sandbox-gateway/:paymentId')
export class SandboxGatewayHttpController {
  constructor(
    @Inject(PAYMENT_GATEWAY) private readonly gateway: PaymentGateway,
    private readonly payments: PaymentsReadModel,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Demo only: the sandbox payment page (Persian), with pay and cancel' })
  @ApiProduces('text/html')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'the payment page (HTML)' })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND; HTTP.NOT_FOUND unless the sandbox is the gateway' })
  showSandboxPayment(
    @Param('paymentId') paymentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const { sandbox, payment } = this.payment(paymentId);
    void reply.type(HTML);
    return sandboxPaymentPage(payment, sandbox.startUrl(payment.paymentId));
  }

  @Post('pay')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo only: pay the whole amount; the callback confirms the payment' })
  @ApiOkResponse({ type: GatewayCallbackAnswerDto, description: 'confirmed; a page for a browser' })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND; HTTP.NOT_FOUND unless the sandbox is the gateway' })
  @ApiConflictResponse({ description: 'PAYMENT.ALREADY_CONFIRMED' })
  paySandboxPayment(
    @Param('paymentId') paymentId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GatewayCallbackAnswerDto | string> {
    return this.settle(paymentId, 'paid', caller, request, reply);
  }

  @Post('cancel')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Demo only: cancel; the callback records the payment as failed' })
  @ApiOkResponse({ type: GatewayCallbackAnswerDto, description: 'failed; a page for a browser' })
  @ApiNotFoundResponse({ description: 'PAYMENT.NOT_FOUND; HTTP.NOT_FOUND unless the sandbox is the gateway' })
  @ApiConflictResponse({ description: 'PAYMENT.ALREADY_CONFIRMED' })
  cancelSandboxPayment(
    @Param('paymentId') paymentId: string,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GatewayCallbackAnswerDto | string> {
    return this.settle(paymentId, 'failed', caller, request, reply);
  }

  private async settle(
    paymentId: string,
    status: GatewayCallback['status'],
    caller: Caller,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<GatewayCallbackAnswerDto | string> {
    const { sandbox, payment } = this.payment(paymentId);
    const { amount } = payment;
    const reference = `SBX-${randomBytes(6).toString('hex').toUpperCase()}`;
    const paidAt = new Date().toISOString();
    const callback: GatewayCallback =
      status === 'paid'
        ? { paymentId, status, reference, amount, paidAt }
        : { paymentId, status, reference, reason: 'cancelled by the payer' };
    const { rawBody, signature } = sandbox.signed(callback);
    const answer = await this.commands.execute(new ReceiveGatewayCallbackCommand(rawBody, signature, caller));
    if (!prefersHtml(request.headers.accept)) return answer;
    void reply.type(HTML);
    return sandboxResultPage(answer);
  }

  /** Another gateway's intent is not found here either: its money is never the sandbox's to confirm. */
  private payment(paymentId: string): { sandbox: SandboxGateway; payment: PaymentView } {
    const sandbox = this.gateway;
    if (!(sandbox instanceof SandboxGateway)) {
      throw new DomainError('HTTP.NOT_FOUND', 'The sandbox is not the configured gateway', 'not_found');
    }
    const payment = this.payments.getOr(paymentId, paymentNotFound);
    if (payment.gateway !== sandbox.name) throw paymentNotFound(paymentId);
    return { sandbox, payment };
  }
}
