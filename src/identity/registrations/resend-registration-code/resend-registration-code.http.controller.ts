import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { addressKey } from '../../../shared/http/client-address.js';
import { Public } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { StartRegistrationResponseDto } from '../start-registration/start-registration.request.dto.js';
import { ResendRegistrationCodeCommand } from './resend-registration-code.command.js';
import { ResendRegistrationCodeRequestDto } from './resend-registration-code.request.dto.js';

@ApiTags('identity')
@Controller('auth/register')
export class ResendRegistrationCodeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('resend')
  @HttpCode(202)
  @Public()
  @ApiOperation({
    summary: 'Send a new registration code to the same mobile; the previous code stops counting',
  })
  @ApiAcceptedResponse({ type: StartRegistrationResponseDto })
  @ApiNotFoundResponse({ description: 'REGISTRATION.NOT_FOUND' })
  @ApiConflictResponse({ description: 'REGISTRATION.ENDED or REGISTRATION.ALREADY_CONFIRMED' })
  @ApiTooManyRequestsResponse({
    description: 'REGISTRATION.RESEND_TOO_SOON, REGISTRATION.TOO_MANY_RESENDS or RATE_LIMITED',
  })
  resendRegistrationCode(
    @Body() body: ResendRegistrationCodeRequestDto,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<StartRegistrationResponseDto> {
    return this.commands.execute(
      new ResendRegistrationCodeCommand(
        { ...body, address: addressKey(request.ip) },
        caller.commandContext(),
      ),
    );
  }
}
