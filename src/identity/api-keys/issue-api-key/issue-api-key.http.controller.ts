import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { IssueApiKeyRequestDto, IssuedApiKeyResponseDto } from './issue-api-key.request.dto.js';
import { IssueApiKeyCommand } from './issue-api-key.command.js';

@ApiTags('api-keys')
@Controller('api-keys')
export class IssueApiKeyHttpController {
  constructor(private readonly commands: CommandBus) {}

  /** No Idempotency-Key here: a retry must not show a secret again, so it issues another key. */
  @Post()
  @Roles(['admin'])
  @ApiOperation({ summary: "Issue an API key for an organisation's software; the key is shown once" })
  @ApiCreatedResponse({ type: IssuedApiKeyResponseDto })
  @ApiBadRequestResponse({ description: 'API_KEY.UNKNOWN_PERMISSION, API_KEY.ORGANISATION_KIND_NOT_ALLOWED' })
  @ApiNotFoundResponse({ description: 'ORGANISATION.NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORGANISATION.DEACTIVATED' })
  issueApiKey(
    @Body() body: IssueApiKeyRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<IssuedApiKeyResponseDto> {
    return this.commands.execute(new IssueApiKeyCommand(body, caller));
  }
}
