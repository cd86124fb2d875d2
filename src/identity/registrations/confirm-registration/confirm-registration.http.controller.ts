import { Body, Controller, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { addressKey } from '../../../shared/http/client-address.js';
import { Public } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { ConfirmRegistrationCommand } from './confirm-registration.command.js';
import {
  ConfirmRegistrationRequestDto,
  ConfirmRegistrationResponseDto,
} from './confirm-registration.request.dto.js';

@ApiTags('identity')
@Controller('auth/register')
export class ConfirmRegistrationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('confirm')
  @Public()
  @ApiOperation({ summary: 'Register as a citizen, step two: the code from the SMS creates the account' })
  @ApiCreatedResponse({ type: ConfirmRegistrationResponseDto })
  @ApiNotFoundResponse({ description: 'REGISTRATION.NOT_FOUND' })
  @ApiUnprocessableEntityResponse({
    description: 'REGISTRATION.WRONG_CODE (with triesLeft) or REGISTRATION.CODE_EXPIRED',
  })
  @ApiConflictResponse({
    description: 'REGISTRATION.ENDED, REGISTRATION.ALREADY_CONFIRMED or IDENTITY.NATIONAL_ID_TAKEN',
  })
  confirmRegistration(
    @Body() body: ConfirmRegistrationRequestDto,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ConfirmRegistrationResponseDto> {
    return this.commands.execute(
      new ConfirmRegistrationCommand({ ...body, address: addressKey(request.ip) }, caller.commandContext()),
    );
  }
}
