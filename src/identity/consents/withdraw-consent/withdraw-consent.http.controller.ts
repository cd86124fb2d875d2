import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { consentNotFound } from '../consent.decider.js';
import { WithdrawConsentHandler } from './withdraw-consent.handler.js';

@ApiTags('consents')
@Controller('consents')
export class WithdrawConsentHttpController {
  constructor(private readonly handler: WithdrawConsentHandler) {}

  @Post(':consentId/withdraw')
  @HttpCode(204)
  @Roles(['citizen'])
  @ApiOperation({ summary: 'The citizen withdraws a consent; the office may no longer act for them' })
  @ApiNoContentResponse({ description: 'withdrawn (also when it already was)' })
  @ApiNotFoundResponse({ description: 'CONSENT.NOT_FOUND' })
  async withdraw(@Param('consentId') consentId: string, @CurrentCaller() caller: Caller): Promise<void> {
    const nationalId = caller.signedIn.nationalId;
    if (!nationalId) throw consentNotFound();
    await this.handler.handle(consentId, nationalId, caller.commandContext());
  }
}
