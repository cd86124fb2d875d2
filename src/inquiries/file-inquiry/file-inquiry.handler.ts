import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { fold } from '../../event-store/command-handling/decider.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { toInquiryResponse } from '../get-inquiry/inquiry.response.dto.js';
import { TrackingNumbers } from '../../tracking/claim-tracking-number/tracking-numbers.service.js';
import { KIND_OF_ROLE } from '../inquiry-access.js';
import { InquiryCommandRunner } from '../inquiry-command-runner.js';
import type { InquiryCommand } from '../inquiry.commands.js';
import { inquiryDecider, kindRefusal } from '../inquiry.decider.js';
import { inquiryStream, type InquiryEvent, type InquiryRequester } from '../inquiry.events.js';
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
    @Inject(EVENT_STORE) private readonly store: EventStore,
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
    const file = (trackingNumber: string): InquiryCommand => ({
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
    });
    // Decided on the inquiry as it stands first: a refused filing must not leave a claimed number
    // behind, and a repeated one, which decides nothing, keeps the number it has.
    const stream = inquiryStream(inquiryId);
    const current = fold(inquiryDecider, (await this.store.readStream(stream)) as readonly InquiryEvent[]);
    const decided = inquiryDecider.decide(file(''), current);
    if (decided instanceof DomainError) throw decided;
    const context = caller.commandContext();
    const trackingNumber =
      decided.length === 0 ? '' : await this.tracking.claim(stream, parcel.municipality, context);
    const { repeated, inquiry } = await this.commands.run(inquiryId, file(trackingNumber), context, {
      until: (i) => i?.status === 'awaiting_clerk' || i?.document !== undefined,
      timeoutMs: ANSWER_WAIT_MS,
    });
    return { repeated, inquiry: toInquiryResponse(inquiry, 'requester', caller.now) };
  }
}

/**
 * An organisation asks for itself, a citizen for themself (one without a national id owns nothing), a
 * counter office for the citizen it acts for: that citizen is the requester, the office is on the event.
 */
function requesterOf(caller: Caller): InquiryRequester {
  const { role, organisation } = caller.grant!;
  if (role === 'counter_office') {
    if (!caller.onBehalfOf) {
      throw new DomainError(
        'INQUIRY.ON_BEHALF_OF_REQUIRED',
        'A counter office names the citizen it files for in X-On-Behalf-Of',
        'forbidden',
      );
    }
    return { nationalId: caller.onBehalfOf };
  }
  return organisation ? { organisation } : { nationalId: caller.signedIn.nationalId ?? '' };
}
