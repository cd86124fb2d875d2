import { Command } from '@nestjs/cqrs';
import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { Role } from '../../identity/roles.js';
import type { ChangeOwnershipRequestDto } from './change-ownership.request.dto.js';

export const CHANGE_OWNERSHIP_ROLES: readonly Role[] = ['clerk', 'admin'];

export class ChangeOwnershipCommand extends Command<ParcelView> {
  constructor(
    readonly renewalCode: string,
    readonly request: ChangeOwnershipRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
