import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { addressKey } from '../../../shared/http/client-address.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { ConsentGrantedResponseDto } from '../consent.response.dto.js';
import { ConfirmConsentCommand } from './confirm-consent.command.js';
import { ConfirmConsentRequestDto } from './confirm-consent.request.dto.js';

@ApiTags('consents')
@Controller('consents')
export class ConfirmConsentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':consentId/confirm')
  @HttpCode(200)
  @Roles(['counter_office'])
  @ApiOperation({ summary: 'The office types the code the citizen read out; the consent is granted' })
  @ApiOkResponse({ type: ConsentGrantedResponseDto })
  @ApiNotFoundResponse({ description: "CONSENT.NOT_FOUND (also another office's consent)" })
  @ApiUnprocessableEntityResponse({
    description: 'CONSENT.WRONG_CODE (with triesLeft) or CONSENT.CODE_EXPIRED',
  })
  @ApiConflictResponse({ description: 'CONSENT.NOT_PENDING' })
  confirmConsent(
    @Param('consentId') consentId: string,
    @Body() body: ConfirmConsentRequestDto,
    @Req() request: FastifyRequest,
    @CurrentCaller() caller: Caller,
  ): Promise<ConsentGrantedResponseDto> {
    return this.commands.execute(
      new ConfirmConsentCommand(
        { consentId, code: body.code, office: caller.grant!.organisation!, address: addressKey(request.ip) },
        caller.commandContext(),
      ),
    );
  }
}
