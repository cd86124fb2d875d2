import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import { TrackingNumbers } from '../../tracking/claim-tracking-number/tracking-numbers.service.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitCommand, RenewedPermit } from '../permit.commands.js';
import { permitDecider, permitNotFound } from '../permit.decider.js';
import { permitStream } from '../permit.events.js';
import { initialPermitState } from '../permit.state.js';
import { PermitsReadModel, type PermitView } from '../permits.read-model.js';
import { OpenPermitCommand } from './open-permit.command.js';

/** Loads the parcel's owners and the permit a renewal names; the decider judges both. */
@CommandHandler(OpenPermitCommand)
export class OpenPermitHandler implements ICommandHandler<OpenPermitCommand> {
  constructor(
    private readonly runner: PermitCommandRunner,
    private readonly parcels: ParcelsReadModel,
    private readonly permits: PermitsReadModel,
    private readonly tracking: TrackingNumbers,
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
    const open = (trackingNumber: string): PermitCommand => ({
      type: 'OpenPermitDraft',
      data: {
        permitId,
        municipality: parcel.municipality,
        renewalCode: parcel.renewalCode,
        applicationType: input.applicationType,
        applicantNationalId: applicant,
        trackingNumber,
        parcelOwners: parcel.owners.map((o) => o.nationalId),
        ...(renewsPermitId === undefined
          ? {}
          : { renewsPermitId, renewedPermit: this.renewedPermit(renewsPermitId) }),
      },
    });
    // A new file's stream is empty: what the decider refuses now it refuses after the claim too, and a
    // refused application must not leave a claimed number behind.
    const refused = permitDecider.decide(open(''), initialPermitState());
    if (refused instanceof DomainError) throw refused;
    const stream = permitStream(permitId);
    const trackingNumber = await this.tracking.claim(stream, parcel.municipality, caller.commandContext());
    await this.runner.execute(permitId, open(trackingNumber), caller, options);
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
