import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { apiKeysProjection } from '../../../../projections/api-keys/api-keys.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { ScopeDirectory } from '../../scope-directory.js';
import { apiKeyDecider, apiKeyNotFound } from '../api-key.decider.js';
import { apiKeyStream } from '../api-key.events.js';
import { toApiKeyResponse } from '../api-key.response.dto.js';
import { newApiKey } from '../api-key-secret.js';
import { ApiKeysReadModel } from '../api-keys.read-model.js';
import { IssueApiKeyRequestDto, IssuedApiKeyResponseDto } from './issue-api-key.request.dto.js';

@ApiTags('api-keys')
@Controller('api-keys')
export class IssueApiKeyHttpController {
  constructor(
    private readonly commands: CommandRunner,
    private readonly directory: ScopeDirectory,
    private readonly apiKeys: ApiKeysReadModel,
  ) {}

  /** No Idempotency-Key here: a retry must not show a secret again, so it issues another key. */
  @Post()
  @Roles(['admin'])
  @ApiOperation({ summary: "Issue an API key for an organisation's software; the key is shown once" })
  @ApiCreatedResponse({ type: IssuedApiKeyResponseDto })
  @ApiBadRequestResponse({ description: 'API_KEY.UNKNOWN_PERMISSION, API_KEY.ORGANISATION_KIND_NOT_ALLOWED' })
  @ApiNotFoundResponse({ description: 'ORGANISATION.NOT_FOUND' })
  @ApiConflictResponse({ description: 'ORGANISATION.DEACTIVATED' })
  async issue(
    @Body() body: IssueApiKeyRequestDto,
    @CurrentCaller() caller: Caller,
  ): Promise<IssuedApiKeyResponseDto> {
    const organisation = this.directory.activeOrganisation(body.organisation);
    const { keyId, key, secretSha256 } = newApiKey();
    await this.commands.run(
      apiKeyStream(keyId),
      apiKeyDecider,
      {
        type: 'IssueApiKey',
        data: {
          keyId,
          label: body.label,
          organisation: organisation.id,
          organisationKind: organisation.kind,
          permissions: body.permissions,
          secretSha256,
        },
      },
      caller.commandContext(),
      { awaiting: [apiKeysProjection.name] },
    );
    return { ...toApiKeyResponse(this.apiKeys.getOr(keyId, apiKeyNotFound)), key };
  }
}
