import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { apiKeysProjection } from '../../../../projections/api-keys/api-keys.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { toFeedScope } from '../../feed-scope.dto.js';
import { ScopeDirectory } from '../../scope-directory.js';
import { apiKeyDecider, apiKeyNotFound } from '../api-key.decider.js';
import { apiKeyStream } from '../api-key.events.js';
import { toApiKeyResponse } from '../api-key.response.dto.js';
import { newApiKey } from '../api-key-secret.js';
import { ApiKeysReadModel } from '../api-keys.read-model.js';
import { IssuedApiKeyResponseDto } from './issue-api-key.request.dto.js';
import { IssueApiKeyCommand } from './issue-api-key.command.js';

@CommandHandler(IssueApiKeyCommand)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKeyCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly directory: ScopeDirectory,
    private readonly apiKeys: ApiKeysReadModel,
  ) {}

  async execute({ request, caller }: IssueApiKeyCommand): Promise<IssuedApiKeyResponseDto> {
    const organisation = this.directory.activeOrganisation(request.organisation);
    const { keyId, key, secretSha256 } = newApiKey();
    await this.commands.run(
      apiKeyStream(keyId),
      apiKeyDecider,
      {
        type: 'IssueApiKey',
        data: {
          keyId,
          label: request.label,
          organisation: organisation.id,
          organisationKind: organisation.kind,
          permissions: request.permissions,
          secretSha256,
          ...(request.feed ? { feed: toFeedScope(request.feed) } : {}),
        },
      },
      caller.commandContext(),
      { awaiting: [apiKeysProjection.name] },
    );
    return { ...toApiKeyResponse(this.apiKeys.getOr(keyId, apiKeyNotFound)), key };
  }
}
