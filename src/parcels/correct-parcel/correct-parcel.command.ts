import { Command } from '@nestjs/cqrs';
import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { Role } from '../../identity/roles.js';
import type { CorrectParcelRequestDto } from './correct-parcel.request.dto.js';

export const CORRECT_PARCEL_ROLES: readonly Role[] = ['clerk', 'admin'];

export class CorrectParcelCommand extends Command<ParcelView> {
  constructor(
    readonly renewalCode: string,
    readonly request: CorrectParcelRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
