import { Command } from '@nestjs/cqrs';
import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { Role } from '../../identity/roles.js';
import type { RegisterParcelRequestDto } from './register-parcel.request.dto.js';

export const REGISTER_PARCEL_ROLES: readonly Role[] = ['clerk', 'admin'];

export class RegisterParcelCommand extends Command<ParcelView> {
  constructor(
    readonly request: RegisterParcelRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
