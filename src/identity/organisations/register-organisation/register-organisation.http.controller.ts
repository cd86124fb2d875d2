import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { organisationsProjection } from '../../../../projections/organisations/organisations.projection.js';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { ScopeDirectory } from '../../scope-directory.js';
import { organisationDecider, organisationNotFound } from '../organisation.decider.js';
import { organisationStream } from '../organisation.events.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { OrganisationsReadModel } from '../organisations.read-model.js';
import { RegisterOrganisationRequestDto } from './register-organisation.request.dto.js';

@ApiTags('organisations')
@Controller('organisations')
export class RegisterOrganisationHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly directory: ScopeDirectory,
    private readonly organisations: OrganisationsReadModel,
  ) {}

  @Post()
  @Roles(['admin'])
  @ApiOperation({ summary: 'Register an organisation: notary office, bank, utility, counter office, …' })
  @ApiCreatedResponse({ type: OrganisationResponseDto })
  @ApiBadRequestResponse({ description: 'ORGANISATION.OFFICE_NUMBER_REQUIRED' })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORGANISATION.ALREADY_EXISTS' })
  async register(
    @Body() body: RegisterOrganisationRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<OrganisationResponseDto> {
    if (body.municipality !== undefined) this.directory.municipality(body.municipality);
    const { id, kind, name, nameFa, officeNumber, municipality } = body;
    await this.commands.run(
      organisationStream(id),
      organisationDecider,
      {
        type: 'RegisterOrganisation',
        data: {
          id,
          kind,
          name,
          ...(nameFa !== undefined ? { nameFa } : {}),
          ...(officeNumber !== undefined ? { officeNumber } : {}),
          ...(municipality !== undefined ? { municipality } : {}),
        },
      },
      caller.commandContext(),
      { ...options, awaiting: [organisationsProjection.name] },
    );
    return this.organisations.getOr(id, organisationNotFound);
  }
}
