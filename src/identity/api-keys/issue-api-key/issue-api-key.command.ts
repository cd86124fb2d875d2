import { Command } from '@nestjs/cqrs';
import type { Caller } from '../../auth/caller.decorator.js';
import type { IssueApiKeyRequestDto, IssuedApiKeyResponseDto } from './issue-api-key.request.dto.js';

export class IssueApiKeyCommand extends Command<IssuedApiKeyResponseDto> {
  constructor(
    readonly request: IssueApiKeyRequestDto,
    readonly caller: Caller,
  ) {
    super();
  }
}
