import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { MUNICIPAL_ROLES, type Role } from '../../identity/roles.js';
import type { ParcelDebtsResponseDto } from '../parcel.dto.js';

export const PARCEL_STAFF_ROLES: readonly Role[] = [...MUNICIPAL_ROLES, 'admin'];

export class GetParcelDebtsQuery extends Query<ParcelDebtsResponseDto> {
  constructor(
    readonly renewalCode: string,
    readonly municipality: string | undefined,
    readonly caller: Caller,
  ) {
    super();
  }
}
