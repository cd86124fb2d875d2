import { Command } from '@nestjs/cqrs';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { PermitView } from '../permits.read-model.js';
import type { OpenPermitRequestDto } from './open-permit.request.dto.js';

export class OpenPermitCommand extends Command<PermitView> {
  constructor(
    readonly caller: Caller,
    readonly options: CommandOptions,
    readonly input: OpenPermitRequestDto,
  ) {
    super();
  }
}
