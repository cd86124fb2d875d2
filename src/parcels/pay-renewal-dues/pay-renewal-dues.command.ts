import { Command } from '@nestjs/cqrs';
import type { ParcelDebtsResponseDto } from '../parcel.dto.js';
import type { CommandOptions } from '../../event-store/command-handling/command-context.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { Role } from '../../identity/roles.js';
import type { PayRenewalDuesRequestDto } from './pay-renewal-dues.request.dto.js';

export const PAY_RENEWAL_DUES_ROLES: readonly Role[] = ['cashier', 'admin'];

export class PayRenewalDuesCommand extends Command<{ debts: ParcelDebtsResponseDto; recorded: boolean }> {
  constructor(
    readonly renewalCode: string,
    readonly year: number,
    readonly request: PayRenewalDuesRequestDto,
    readonly caller: Caller,
    readonly options: CommandOptions,
  ) {
    super();
  }
}
