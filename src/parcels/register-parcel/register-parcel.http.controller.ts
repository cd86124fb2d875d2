import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { CommandHeaders } from '../../shared/http/command-options.decorator.js';
import { ParcelResponseDto } from '../parcel.dto.js';
import { REGISTER_PARCEL_ROLES, RegisterParcelCommand } from './register-parcel.command.js';
import { RegisterParcelRequestDto } from './register-parcel.request.dto.js';
import { Location } from '../../shared/http/command-response.interceptor.js';

@ApiTags('parcels')
@Controller('parcels')
export class RegisterParcelHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Location('/parcels/{renewalCode}?municipality={municipality}')
  @Roles(REGISTER_PARCEL_ROLES)
  @ApiOperation({ summary: 'Register a parcel by its renewal code (کد نوسازی), in the clerk’s municipality' })
  @ApiCreatedResponse({ type: ParcelResponseDto })
  @ApiBadRequestResponse({
    description: 'PARCEL.INVALID_RENEWAL_CODE, PARCEL.INVALID_AREA, PARCEL.SHARES_NOT_100, …',
  })
  @ApiForbiddenResponse({ description: 'PARCEL.OUTSIDE_JURISDICTION: another municipality' })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  @ApiConflictResponse({ description: 'PARCEL.ALREADY_EXISTS' })
  registerParcel(
    @Body() body: RegisterParcelRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ParcelResponseDto> {
    return this.commands.execute(new RegisterParcelCommand(body, caller, options));
  }
}
