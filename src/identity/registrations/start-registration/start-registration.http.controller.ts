import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { addressKey } from '../../../shared/http/client-address.js';
import { Public } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { StartRegistrationCommand } from './start-registration.command.js';
import {
  StartRegistrationRequestDto,
  StartRegistrationResponseDto,
} from './start-registration.request.dto.js';

@ApiTags('identity')
@Controller('auth/register')
export class StartRegistrationHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** A citizen (شهروند) asks for an account; the national id will be the username. */
  @Post()
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary:
      'Register as a citizen, step one: the mobile must be registered to the national id; a code is sent to it by SMS. No account exists until it is confirmed.',
  })
  @ApiAcceptedResponse({ type: StartRegistrationResponseDto })
  @ApiUnprocessableEntityResponse({ description: 'IDENTITY.MOBILE_MISMATCH' })
  @ApiConflictResponse({ description: 'IDENTITY.NATIONAL_ID_TAKEN' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  @ApiServiceUnavailableResponse({ description: 'IDENTITY.MATCH_UNAVAILABLE or SMS.UNAVAILABLE' })
  startRegistration(
    @Body() body: StartRegistrationRequestDto,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<StartRegistrationResponseDto> {
    return this.commands.execute(
      new StartRegistrationCommand({ ...body, address: addressKey(request.ip) }, caller.commandContext()),
    );
  }
}
