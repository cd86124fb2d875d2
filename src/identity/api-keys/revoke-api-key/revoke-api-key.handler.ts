import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeysProjection } from '../../../../projections/api-keys/api-keys.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { apiKeyDecider, apiKeyNotFound } from '../api-key.decider.js';
import { apiKeyStream } from '../api-key.events.js';
import { ApiKeyResponseDto, toApiKeyResponse } from '../api-key.response.dto.js';
import { ApiKeysReadModel } from '../api-keys.read-model.js';
import { RevokeApiKeyCommand } from './revoke-api-key.command.js';

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly apiKeys: ApiKeysReadModel,
  ) {}

  async execute({ keyId, request, caller, options }: RevokeApiKeyCommand): Promise<ApiKeyResponseDto> {
    await this.commands.run(
      apiKeyStream(keyId),
      apiKeyDecider,
      { type: 'RevokeApiKey', data: { keyId, reason: request.reason } },
      caller.commandContext(),
      { ...options, awaiting: [apiKeysProjection.name] },
    );
    return toApiKeyResponse(this.apiKeys.getOr(keyId, apiKeyNotFound));
  }
}
