import { Body, Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG } from '../../../config/app-config.module.js';
import type { AppConfig } from '../../../config/app-config.js';
import { addressKey } from '../../../shared/http/client-address.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { ConsentRequestedResponseDto } from '../consent.response.dto.js';
import { RequestConsentCommand } from './request-consent.command.js';
import { RequestConsentRequestDto } from './request-consent.request.dto.js';

@ApiTags('consents')
@Controller('consents')
export class RequestConsentHttpController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(202)
  @Roles(['counter_office'])
  @ApiOperation({
    summary:
      "A counter office asks a citizen's consent to act for them: a code goes by SMS to the citizen's mobile",
  })
  @ApiAcceptedResponse({ type: ConsentRequestedResponseDto })
  @ApiBadRequestResponse({ description: 'CONSENT.MOBILE_REQUIRED (the citizen has no account)' })
  @ApiUnprocessableEntityResponse({ description: 'IDENTITY.MOBILE_MISMATCH' })
  @ApiTooManyRequestsResponse({ description: 'RATE_LIMITED, with Retry-After' })
  requestConsent(
    @Body() body: RequestConsentRequestDto,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ConsentRequestedResponseDto> {
    return this.commands.execute(
      new RequestConsentCommand(
        {
          office: caller.grant!.organisation!,
          operator: caller.signedIn.id,
          nationalId: body.nationalId,
          ...(body.mobile !== undefined ? { mobile: body.mobile } : {}),
          address: addressKey(request.ip),
          hours: this.config.consentHours,
        },
        caller.commandContext(),
      ),
    );
  }
}
