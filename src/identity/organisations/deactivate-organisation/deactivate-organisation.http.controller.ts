import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { DeactivateOrganisationCommand } from './deactivate-organisation.command.js';

@ApiTags('organisations')
@Controller('organisations')
export class DeactivateOrganisationHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** Its people and keys keep what they have; it can no longer be given new ones. */
  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({ summary: 'Deactivate an organisation (no new roles or API keys for it)' })
  @ApiOkResponse({ type: OrganisationResponseDto })
  @ApiNotFoundResponse({ description: 'ORGANISATION.NOT_FOUND' })
  deactivateOrganisation(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<OrganisationResponseDto> {
    return this.commands.execute(new DeactivateOrganisationCommand(id, body, caller, options));
  }
}
