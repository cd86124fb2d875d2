import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import { normalizeOwners } from '../parcel-owners.js';
import { ParcelStaffCommands } from '../parcel-staff-commands.js';
import { CHANGE_OWNERSHIP_ROLES, ChangeOwnershipCommand } from './change-ownership.command.js';

@CommandHandler(ChangeOwnershipCommand)
export class ChangeOwnershipHandler implements ICommandHandler<ChangeOwnershipCommand> {
  constructor(private readonly parcels: ParcelStaffCommands) {}

  async execute({ renewalCode, request, caller, options }: ChangeOwnershipCommand): Promise<ParcelView> {
    const target = { caller, renewalCode, municipality: request.municipality, options };
    const { parcel } = await this.parcels.run(target, CHANGE_OWNERSHIP_ROLES, (p) => ({
      type: 'ChangeOwnership',
      data: {
        municipality: p.municipality,
        renewalCode: p.renewalCode,
        owners: normalizeOwners(request.owners),
        reason: request.reason,
      },
    }));
    return parcel;
  }
}
