import { Injectable } from '@nestjs/common';
import { parcelsProjection } from '../../projections/parcels/parcels.projection.js';
import type { ParcelView } from '../../projections/parcels/parcels.projection.js';
import type { CommandOptions } from '../event-store/command-handling/command-context.js';
import { CommandRunner } from '../event-store/command-handling/command-runner.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { Role } from '../identity/roles.js';
import { parcelDecider, parcelNotFound, type ParcelCommand } from './parcel.decider.js';
import { parcelStream } from './parcel.events.js';
import { ParcelStaffAccess } from './parcel-staff-access.js';
import { ParcelsReadModel } from './parcels.read-model.js';

/** Which parcel a staff command is about, as the request names it. */
export interface ParcelTarget {
  readonly caller: Caller;
  readonly renewalCode: string;
  readonly municipality: string | undefined;
  readonly options: CommandOptions;
}

/** A staff command on an existing parcel: find it in the caller's jurisdiction, decide, read it back. */
@Injectable()
export class ParcelStaffCommands {
  constructor(
    private readonly commands: CommandRunner,
    private readonly access: ParcelStaffAccess,
    private readonly parcels: ParcelsReadModel,
  ) {}

  async run(
    target: ParcelTarget,
    roles: readonly Role[],
    command: (parcel: ParcelView) => ParcelCommand,
  ): Promise<{ parcel: ParcelView; recorded: boolean }> {
    const { parcel, context } = this.access.parcel(
      target.caller,
      target.renewalCode,
      target.municipality,
      roles,
    );
    const result = await this.commands.run(
      parcelStream(parcel.municipality, parcel.renewalCode),
      parcelDecider,
      command(parcel),
      context,
      { ...target.options, awaiting: [parcelsProjection.name] },
    );
    return {
      parcel: this.parcels.getOr(parcel.id, () => parcelNotFound(parcel.renewalCode)),
      recorded: result.events.length > 0,
    };
  }
}
