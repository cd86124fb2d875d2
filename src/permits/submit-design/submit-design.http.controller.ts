import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { SubmitDesignRequestDto } from './submit-design.request.dto.js';
import { SubmitDesignCommand } from './submit-design.command.js';

@ApiTags('permits')
@Controller('permits/:id')
export class SubmitDesignHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** The engineer the applicant nominated (نظام مهندسی) designs against the map order; the decider checks the nomination. */
  @Post('design')
  @Roles(['engineer'])
  @ApiOperation({
    summary: 'Submit the design; it is checked against the map order at once and the violations recorded',
  })
  @PermitCommandResponses(
    'PERMIT.NO_MAP_ORDER, PERMIT.DESIGN_NOT_EXPECTED; 403 PERMIT.NOT_NOMINATED_ENGINEER',
  )
  @ApiBadRequestResponse({ description: 'PERMIT.INVALID_DESIGN, REQUEST.INVALID' })
  submitDesign(
    @Param('id') id: string,
    @Body() body: SubmitDesignRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new SubmitDesignCommand(caller, id, options, body));
  }
}
