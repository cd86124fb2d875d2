import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { RegisterOrganisationRequestDto } from './register-organisation.request.dto.js';
import { Location } from '../../../shared/http/command-response.interceptor.js';
import { RegisterOrganisationCommand } from './register-organisation.command.js';

@ApiTags('organisations')
@Controller('organisations')
export class RegisterOrganisationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Location('/organisations/{id}')
  @Roles(['admin'])
  @ApiOperation({ summary: 'Register an organisation: notary office, bank, utility, counter office, …' })
  @ApiCreatedResponse({ type: OrganisationResponseDto })
  @ApiBadRequestResponse({ description: 'ORGANISATION.OFFICE_NUMBER_REQUIRED' })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORGANISATION.ALREADY_EXISTS' })
  registerOrganisation(
    @Body() body: RegisterOrganisationRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<OrganisationResponseDto> {
    return this.commands.execute(new RegisterOrganisationCommand(body, caller, options));
  }
}
