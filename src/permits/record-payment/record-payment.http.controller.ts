import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { RecordPaymentRequestDto } from './record-payment.request.dto.js';
import { RecordPaymentCommand } from './record-payment.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class RecordPaymentHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** A payment at the municipality's cash desk; a reference recorded before is the same payment. */
  @Post('payments')
  @Roles(['cashier'])
  @ApiOperation({ summary: 'Record an in-person payment of the permit fees or a commission fine' })
  @PermitCommandResponses(
    'PERMIT.FEES_NOT_ASSESSED, PERMIT.ALREADY_PAID, PERMIT.NO_FINE_DUE, PAYMENT.AMOUNT_MISMATCH (details.expected), PAYMENT.REFERENCE_USED',
  )
  recordPayment(
    @Param('id') id: string,
    @Body() body: RecordPaymentRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new RecordPaymentCommand(caller, id, options, body));
  }
}
