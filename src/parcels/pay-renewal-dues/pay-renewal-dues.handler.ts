import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ParcelDebts } from '../parcel-debts.js';
import { type ParcelDebtsResponseDto, toDebtsResponse } from '../parcel.dto.js';
import { ParcelStaffCommands } from '../parcel-staff-commands.js';
import { PAY_RENEWAL_DUES_ROLES, PayRenewalDuesCommand } from './pay-renewal-dues.command.js';

@CommandHandler(PayRenewalDuesCommand)
export class PayRenewalDuesHandler implements ICommandHandler<PayRenewalDuesCommand> {
  constructor(
    private readonly parcels: ParcelStaffCommands,
    private readonly debts: ParcelDebts,
  ) {}

  async execute({
    renewalCode,
    year,
    request,
    caller,
    options,
  }: PayRenewalDuesCommand): Promise<{ debts: ParcelDebtsResponseDto; recorded: boolean }> {
    const target = { caller, renewalCode, municipality: request.municipality, options };
    const { parcel, recorded } = await this.parcels.run(target, PAY_RENEWAL_DUES_ROLES, (p) => ({
      type: 'PayRenewalDues',
      data: {
        municipality: p.municipality,
        renewalCode: p.renewalCode,
        year,
        amount: request.amount,
        reference: request.reference,
        channel: 'cashier',
      },
    }));
    return { debts: toDebtsResponse(parcel, this.debts.of(parcel)), recorded };
  }
}
