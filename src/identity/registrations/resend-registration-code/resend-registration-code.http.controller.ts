import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
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
import { ResendRegistrationCodeHandler } from './resend-registration-code.handler.js';
import { ResendRegistrationCodeRequestDto } from './resend-registration-code.request.dto.js';

@ApiTags('identity')
@Controller('auth/register')
export class ResendRegistrationCodeHttpController {
  constructor(private readonly handler: ResendRegistrationCodeHandler) {}

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
  resend(
    @Body() body: ResendRegistrationCodeRequestDto,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<StartRegistrationResponseDto> {
    return this.handler.handle({ ...body, address: addressKey(request.ip) }, caller.commandContext());
  }
}
