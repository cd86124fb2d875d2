import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { apiKeysProjection } from '../../../../projections/api-keys/api-keys.projection.js';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { apiKeyDecider, apiKeyNotFound } from '../api-key.decider.js';
import { apiKeyStream } from '../api-key.events.js';
import { ApiKeyResponseDto, toApiKeyResponse } from '../api-key.response.dto.js';
import { ApiKeysReadModel } from '../api-keys.read-model.js';

@ApiTags('api-keys')
@Controller('api-keys')
export class RevokeApiKeyHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly apiKeys: ApiKeysReadModel,
  ) {}

  @Post(':keyId/revoke')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiNotFoundResponse({ description: 'API_KEY.NOT_FOUND' })
  async revoke(
    @Param('keyId') keyId: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ApiKeyResponseDto> {
    await this.commands.run(
      apiKeyStream(keyId),
      apiKeyDecider,
      { type: 'RevokeApiKey', data: { keyId, reason: body.reason } },
      caller.commandContext(),
      { ...options, awaiting: [apiKeysProjection.name] },
    );
    return toApiKeyResponse(this.apiKeys.getOr(keyId, apiKeyNotFound));
  }
}
