import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { RenewedPermit } from '../permit.commands.js';
import { permitNotFound } from '../permit.decider.js';
import { PermitsReadModel, type PermitView } from '../permits.read-model.js';
import { OpenPermitCommand } from './open-permit.command.js';

/** Loads the parcel's owners and the permit a renewal names; the decider judges both. */
@CommandHandler(OpenPermitCommand)
export class OpenPermitHandler implements ICommandHandler<OpenPermitCommand> {
  constructor(
    private readonly runner: PermitCommandRunner,
    private readonly parcels: ParcelsReadModel,
    private readonly permits: PermitsReadModel,
  ) {}

  async execute({ caller, options, input }: OpenPermitCommand): Promise<PermitView> {
    const applicant = caller.onBehalfOf ?? caller.signedIn.nationalId;
    if (!applicant) {
      throw new DomainError(
        'PERMIT.ON_BEHALF_OF_REQUIRED',
        'A counter office names the owner it acts for in X-On-Behalf-Of',
        'forbidden',
      );
    }
    const parcel = this.parcels.find(input.renewalCode, input.municipality);
    const { renewsPermitId } = input;
    const permitId = newId();
    await this.runner.execute(
      permitId,
      {
        type: 'OpenPermitDraft',
        data: {
          permitId,
          municipality: parcel.municipality,
          renewalCode: parcel.renewalCode,
          applicationType: input.applicationType,
          applicantNationalId: applicant,
          parcelOwners: parcel.owners.map((o) => o.nationalId),
          ...(renewsPermitId === undefined
            ? {}
            : { renewsPermitId, renewedPermit: this.renewedPermit(renewsPermitId) }),
        },
      },
      caller,
      options,
    );
    return this.permits.getOr(permitId, permitNotFound);
  }

  /** A renewal (تجدید پروانه) renews an issued or expired permit of the same parcel. */
  private renewedPermit(permitId: string): RenewedPermit | undefined {
    const renewed = this.permits.get(permitId);
    if (!renewed) return undefined;
    const { municipality, renewalCode, permit } = renewed;
    return { municipality, renewalCode, issued: permit !== undefined };
  }
}
