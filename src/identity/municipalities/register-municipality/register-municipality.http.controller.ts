import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { MunicipalityResponseDto } from '../municipality.dto.js';
import { RegisterMunicipalityRequestDto } from './register-municipality.request.dto.js';
import { Location } from '../../../shared/http/command-response.interceptor.js';
import { RegisterMunicipalityCommand } from './register-municipality.command.js';

@ApiTags('municipalities')
@Controller('municipalities')
export class RegisterMunicipalityHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Location('/municipalities/{code}')
  @Roles(['admin'])
  @ApiOperation({ summary: 'Register a municipality (tenant) with its regions' })
  @ApiCreatedResponse({ type: MunicipalityResponseDto })
  @ApiConflictResponse({ description: 'MUNICIPALITY.ALREADY_EXISTS' })
  registerMunicipality(
    @Body() body: RegisterMunicipalityRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<MunicipalityResponseDto> {
    return this.commands.execute(new RegisterMunicipalityCommand(body, caller, options));
  }
}
