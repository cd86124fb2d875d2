import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { organisationsProjection } from '../../../../projections/organisations/organisations.projection.js';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { organisationDecider, organisationNotFound } from '../organisation.decider.js';
import { organisationStream } from '../organisation.events.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { OrganisationsReadModel } from '../organisations.read-model.js';

@ApiTags('organisations')
@Controller('organisations')
export class DeactivateOrganisationHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly organisations: OrganisationsReadModel,
  ) {}

  /** Its people and keys keep what they have; it can no longer be given new ones. */
  @Post(':id/deactivate')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({ summary: 'Deactivate an organisation (no new roles or API keys for it)' })
  @ApiOkResponse({ type: OrganisationResponseDto })
  @ApiNotFoundResponse({ description: 'ORGANISATION.NOT_FOUND' })
  async deactivate(
    @Param('id') id: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<OrganisationResponseDto> {
    await this.commands.run(
      organisationStream(id),
      organisationDecider,
      { type: 'DeactivateOrganisation', data: { id, reason: body.reason } },
      caller.commandContext(),
      { ...options, awaiting: [organisationsProjection.name] },
    );
    return this.organisations.getOr(id, organisationNotFound);
  }
}
