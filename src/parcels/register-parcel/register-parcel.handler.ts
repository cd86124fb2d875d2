import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { parcelsProjection, type ParcelView } from '../../../projections/parcels/parcels.projection.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { toBuilding } from '../parcel.dto.js';
import { normalizeOwners } from '../parcel-owners.js';
import { ParcelStaffAccess } from '../parcel-staff-access.js';
import { parcelDecider, parcelNotFound } from '../parcel.decider.js';
import { parcelId, parcelStream } from '../parcel.events.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { parseRenewalCode } from '../renewal-code.js';
import { REGISTER_PARCEL_ROLES, RegisterParcelCommand } from './register-parcel.command.js';

@CommandHandler(RegisterParcelCommand)
export class RegisterParcelHandler implements ICommandHandler<RegisterParcelCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: ParcelStaffAccess,
    private readonly parcels: ParcelsReadModel,
  ) {}

  async execute({ request, caller, options }: RegisterParcelCommand): Promise<ParcelView> {
    const code = parseRenewalCode(request.renewalCode).text;
    const context = this.access.registration(caller, request.municipality, code, REGISTER_PARCEL_ROLES);
    await this.commands.run(
      parcelStream(request.municipality, code),
      parcelDecider,
      {
        type: 'RegisterParcel',
        data: {
          municipality: request.municipality,
          renewalCode: code,
          areaM2: request.areaM2,
          streetWidthM: request.streetWidthM,
          zone: request.zone,
          landUse: request.landUse,
          owners: normalizeOwners(request.owners),
          existingBuilding: toBuilding(request.existingBuilding),
        },
      },
      context,
      { ...options, awaiting: [parcelsProjection.name] },
    );
    return this.parcels.getOr(parcelId(request.municipality, code), () => parcelNotFound(code));
  }
}
