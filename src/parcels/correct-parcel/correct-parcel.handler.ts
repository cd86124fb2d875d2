import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import type { ParcelDetails } from '../parcel.events.js';
import { toBuilding } from '../parcel.dto.js';
import { ParcelStaffCommands } from '../parcel-staff-commands.js';
import type { ParcelChangesDto } from './correct-parcel.request.dto.js';
import { CORRECT_PARCEL_ROLES, CorrectParcelCommand } from './correct-parcel.command.js';

@CommandHandler(CorrectParcelCommand)
export class CorrectParcelHandler implements ICommandHandler<CorrectParcelCommand> {
  constructor(private readonly parcels: ParcelStaffCommands) {}

  async execute({ renewalCode, request, caller, options }: CorrectParcelCommand): Promise<ParcelView> {
    const target = { caller, renewalCode, municipality: request.municipality, options };
    const { parcel } = await this.parcels.run(
      target,
      CORRECT_PARCEL_ROLES,
      ({ municipality, renewalCode: code }) => ({
        type: 'CorrectParcelDetails',
        data: {
          municipality,
          renewalCode: code,
          changes: changesOf(request.changes),
          reason: request.reason,
        },
      }),
    );
    return parcel;
  }
}

/** Only the fields given (a null building says the parcel is now vacant). */
function changesOf(dto: ParcelChangesDto): Partial<ParcelDetails> {
  return {
    ...(dto.areaM2 !== undefined ? { areaM2: dto.areaM2 } : {}),
    ...(dto.streetWidthM !== undefined ? { streetWidthM: dto.streetWidthM } : {}),
    ...(dto.zone !== undefined ? { zone: dto.zone } : {}),
    ...(dto.landUse !== undefined ? { landUse: dto.landUse } : {}),
    ...(dto.existingBuilding !== undefined ? { existingBuilding: toBuilding(dto.existingBuilding) } : {}),
  };
}
