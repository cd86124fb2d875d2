import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../../event-store/command-handling/command-context.js';
import type { ReasonRequestDto } from '../../../shared/http/reason.request.dto.js';
import type { Caller } from '../../auth/caller.decorator.js';
import type { ApiKeyResponseDto } from '../api-key.response.dto.js';

export class RevokeApiKeyCommand extends Command<ApiKeyResponseDto> {
  constructor(
    readonly keyId: string,
    readonly request: ReasonRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
