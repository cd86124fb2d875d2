import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { RecordPaymentRequestDto } from '../record-payment/record-payment.request.dto.js';
import { RecordDeskPaymentCommand } from './record-desk-payment.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class RecordDeskPaymentHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Recorded as channel counter_desk, naming the office; a reference recorded before is the same payment. */
  @Post('desk-payments')
  @Roles(['counter_office'])
  @ApiOperation({
    summary: 'Record a payment a counter office took at its desk (پرداخت در پیشخوان) for the applicant',
  })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: true,
    description: 'the national id of the applicant the office acts for, under their consent',
  })
  @ApiForbiddenResponse({ description: 'PERMIT.ON_BEHALF_OF_REQUIRED, ACCESS.NO_CONSENT' })
  @PermitCommandResponses(
    'PERMIT.FEES_NOT_ASSESSED, PERMIT.ALREADY_PAID, PERMIT.NO_FINE_DUE, PAYMENT.AMOUNT_MISMATCH (details.expected), PAYMENT.REFERENCE_USED',
  )
  recordDeskPayment(
    @Param('id') id: string,
    @Body() body: RecordPaymentRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new RecordDeskPaymentCommand(caller, id, options, body));
  }
}
