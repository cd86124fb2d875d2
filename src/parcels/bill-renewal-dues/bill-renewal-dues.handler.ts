import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ParcelDebts } from '../parcel-debts.js';
import { type ParcelDebtsResponseDto, toDebtsResponse } from '../parcel.dto.js';
import { ParcelStaffCommands } from '../parcel-staff-commands.js';
import { BILL_RENEWAL_DUES_ROLES, BillRenewalDuesCommand } from './bill-renewal-dues.command.js';

@CommandHandler(BillRenewalDuesCommand)
export class BillRenewalDuesHandler implements ICommandHandler<BillRenewalDuesCommand> {
  constructor(
    private readonly parcels: ParcelStaffCommands,
    private readonly debts: ParcelDebts,
  ) {}

  async execute({
    renewalCode,
    request,
    caller,
    options,
  }: BillRenewalDuesCommand): Promise<ParcelDebtsResponseDto> {
    const target = { caller, renewalCode, municipality: request.municipality, options };
    const { parcel } = await this.parcels.run(target, BILL_RENEWAL_DUES_ROLES, (p) => ({
      type: 'BillRenewalDues',
      data: {
        municipality: p.municipality,
        renewalCode: p.renewalCode,
        year: request.year,
        amount: request.amount,
      },
    }));
    return toDebtsResponse(parcel, this.debts.of(parcel));
  }
}
