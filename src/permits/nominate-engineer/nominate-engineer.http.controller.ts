import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { PERMIT_APPLICANTS } from '../permit-access.js';
import { PermitCommandResponses } from '../permit-headers.js';
import type { PermitView } from '../permits.read-model.js';
import { NominateEngineerCommand } from './nominate-engineer.command.js';
import { NominateEngineerRequestDto } from './nominate-engineer.request.dto.js';

@ApiTags('permits')
@Controller('permits/:id')
export class NominateEngineerHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** The applicant chooses who designs the building (مهندس طراح); only the nominee submits the design. */
  @Post('engineer')
  @Roles(PERMIT_APPLICANTS)
  @ApiOperation({
    summary: 'Nominate the engineer, or the engineering office, who alone may submit the design',
  })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the applicant they act for',
  })
  @PermitCommandResponses('PERMIT.NOMINATION_CLOSED, ORGANISATION.DEACTIVATED')
  @ApiBadRequestResponse({
    description: 'PERMIT.INVALID_NOMINEE, USER.ORGANISATION_KIND_MISMATCH, REQUEST.INVALID',
  })
  nominateEngineer(
    @Param('id') id: string,
    @Body() body: NominateEngineerRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<PermitView> {
    return this.commands.execute(new NominateEngineerCommand(caller, id, options, body));
  }
}
