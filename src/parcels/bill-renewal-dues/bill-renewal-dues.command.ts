import { Command } from '@nestjs/cqrs';
import type { ParcelDebtsResponseDto } from '../parcel.dto.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { Role } from '../../identity/roles.js';
import type { BillRenewalDuesRequestDto } from './bill-renewal-dues.request.dto.js';

export const BILL_RENEWAL_DUES_ROLES: readonly Role[] = ['clerk', 'cashier', 'admin'];

export class BillRenewalDuesCommand extends Command<ParcelDebtsResponseDto> {
  constructor(
    readonly renewalCode: string,
    readonly request: BillRenewalDuesRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
