import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { consentNotFound } from '../consent.decider.js';
import { WithdrawConsentCommand } from './withdraw-consent.command.js';

@ApiTags('consents')
@Controller('consents')
export class WithdrawConsentHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':consentId/withdraw')
  @HttpCode(204)
  @Roles(['citizen'])
  @ApiOperation({ summary: 'The citizen withdraws a consent; the office may no longer act for them' })
  @ApiNoContentResponse({ description: 'withdrawn (also when it already was)' })
  @ApiNotFoundResponse({ description: 'CONSENT.NOT_FOUND' })
  async withdrawConsent(
    @Param('consentId') consentId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    const nationalId = caller.signedIn.nationalId;
    if (!nationalId) throw consentNotFound();
    await this.commands.execute(new WithdrawConsentCommand(consentId, nationalId, caller.commandContext()));
  }
}
