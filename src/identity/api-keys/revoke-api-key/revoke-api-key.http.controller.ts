import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import { CommandHeaders } from '../../../shared/http/command-options.decorator.js';
import { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { ApiKeyResponseDto } from '../api-key.response.dto.js';
import { RevokeApiKeyCommand } from './revoke-api-key.command.js';

@ApiTags('api-keys')
@Controller('api-keys')
export class RevokeApiKeyHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':keyId/revoke')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({ summary: 'Revoke an API key: it stops working at once' })
  @ApiOkResponse({ type: ApiKeyResponseDto })
  @ApiNotFoundResponse({ description: 'API_KEY.NOT_FOUND' })
  revokeApiKey(
    @Param('keyId') keyId: string,
    @Body() body: ReasonRequestDto,
    @CurrentCaller() caller: Caller,
    @CommandHeaders() options: CommandOptions,
  ): Promise<ApiKeyResponseDto> {
    return this.commands.execute(new RevokeApiKeyCommand(keyId, body, caller, options));
  }
}
