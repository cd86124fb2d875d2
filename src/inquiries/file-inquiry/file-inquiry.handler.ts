import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { toInquiryResponse } from '../get-inquiry/inquiry.response.dto.js';
import { TrackingNumbers } from '../../tracking/claim-tracking-number/tracking-numbers.service.js';
import { KIND_OF_ROLE } from '../inquiry-access.js';
import { InquiryCommandRunner } from '../inquiry-command-runner.js';
import { kindRefusal } from '../inquiry.decider.js';
import { inquiryStream, type InquiryRequester } from '../inquiry.events.js';
import { FileInquiryCommand, type FiledInquiry } from './file-inquiry.command.js';
import { inquiryIdOf } from './inquiry-id.js';

/** How long a filing waits for the automatic answer before answering that it is filed. */
const ANSWER_WAIT_MS = 2_000;

@CommandHandler(FileInquiryCommand)
export class FileInquiryHandler implements ICommandHandler<FileInquiryCommand> {
  constructor(
    private readonly commands: InquiryCommandRunner,
    private readonly parcels: ParcelsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
    private readonly tracking: TrackingNumbers,
  ) {}

  async execute({ request, caller }: FileInquiryCommand): Promise<FiledInquiry> {
    // The roles policy guarantees the grant it acts under.
    const grant = caller.grant!;
    const wrongKind = kindRefusal(request.kind, KIND_OF_ROLE[grant.role]);
    if (wrongKind) throw wrongKind;
    const parcel = this.parcels.find(request.renewalCode, request.municipality);
    const requester = requesterOf(caller);
    const inquiryId = inquiryIdOf(requester, request.requesterReference);
    const { inquiryDeadlineDays } = this.ruleSets.requireInForce(parcel.municipality, caller.now);
    // The inquiry's id is the requester's and the reference's: a repeated filing finds its own claim.
    const context = caller.commandContext();
    const trackingNumber = await this.tracking.claim(inquiryStream(inquiryId), parcel.municipality, context);
    const { repeated, inquiry } = await this.commands.run(
      inquiryId,
      {
        type: 'FileInquiry',
        data: {
          inquiryId,
          kind: request.kind,
          municipality: parcel.municipality,
          renewalCode: parcel.renewalCode,
          requester,
          requesterReference: request.requesterReference,
          purpose: request.purpose,
          trackingNumber,
          at: caller.now,
          deadlineDays: inquiryDeadlineDays[request.kind],
          ...(KIND_OF_ROLE[grant.role] === undefined ? {} : { allowedKind: KIND_OF_ROLE[grant.role] }),
          parcelOwners: parcel.owners.map((o) => o.nationalId),
        },
      },
      context,
      {
        until: (i) => i?.status === 'awaiting_clerk' || i?.document !== undefined,
        timeoutMs: ANSWER_WAIT_MS,
      },
    );
    return { repeated, inquiry: toInquiryResponse(inquiry, 'requester', caller.now) };
  }
}

/** An organisation asks for itself, a citizen for themself: one without a national id owns nothing. */
function requesterOf(caller: Caller): InquiryRequester {
  const { organisation } = caller.grant!;
  return organisation ? { organisation } : { nationalId: caller.signedIn.nationalId ?? '' };
}
