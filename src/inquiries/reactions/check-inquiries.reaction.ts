import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { documentsProjection } from '../../../projections/documents/documents.projection.js';
import { inquiriesProjection } from '../../../projections/inquiries/inquiries.projection.js';
import { parcelsProjection } from '../../../projections/parcels/parcels.projection.js';
import { permitsProjection } from '../../../projections/permits/permits.projection.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import type { ParcelEvent } from '../../parcels/parcel.events.js';
import { PermitsReadModel } from '../../permits/permits.read-model.js';
import { DomainError } from '../../shared/domain-error.js';
import { CheckInquiryCommand, type CheckedInquiry } from '../check-inquiry/check-inquiry.command.js';
import type { InquiryEvent } from '../inquiry.events.js';
import { InquiriesReadModel } from '../inquiries.read-model.js';

type Filed = Extract<InquiryEvent, { type: 'InquiryFiled' }>;

/**
 * After these the parcel may have become clear: dues, fees or a fine paid, fees lowered, a file with
 * unpaid fees closed, a permit or a completion certificate issued (a lawful building to connect).
 */
const CLEARING_EVENTS = [
  'RenewalDuesPaid',
  'PermitPaymentRecorded',
  'FeeOverridden',
  'PermitWithdrawn',
  'PermitRejected',
  'PermitIssued',
  'CompletionCertificateIssued',
];
/** What the check reads: a permit revoked a moment ago is no basis for a connection, so documents too. */
const FACT_READ_MODELS = [parcelsProjection, permitsProjection, documentsProjection].map(
  (p) => `projection:${p.name}`,
);
const OPEN_READ_MODELS = [...FACT_READ_MODELS, `projection:${inquiriesProjection.name}`];

/**
 * Checks the parcel the moment an inquiry is filed, and again for the parcel's open inquiries whenever
 * what it owes or holds changes; the decider answers a clear one at once and refers the rest to a clerk.
 */
@Injectable()
export class CheckInquiriesReaction implements Reaction, OnModuleInit {
  readonly name = 'inquiry-checks';
  readonly handles = ['InquiryFiled', ...CLEARING_EVENTS];

  constructor(
    private readonly permits: PermitsReadModel,
    private readonly inquiries: InquiriesReadModel,
    private readonly commands: CommandBus,
    private readonly subscribers: SubscriberRunner,
    private readonly reactions: ReactionCheckpoints,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(event: RecordedEvent): Promise<void> {
    // The read models must show the event itself before the parcel is judged on them.
    if (event.type === 'InquiryFiled') {
      await this.factsAt(event, FACT_READ_MODELS);
      return this.check((event as RecordedEvent<Filed>).data, event);
    }
    await this.factsAt(event, OPEN_READ_MODELS);
    const parcel = this.parcelOf(event);
    if (!parcel) return;
    for (const inquiry of this.inquiries.openOn(parcel.municipality, parcel.renewalCode)) {
      await this.check(inquiry, event);
    }
  }

  /**
   * A clear answer from a stopped or lagging read model would certify what is not so: wait, or fail as
   * unavailable (the views' fault, not the event's: the reaction stops rather than park every inquiry).
   */
  private async factsAt(event: RecordedEvent, readModels: readonly string[]): Promise<void> {
    if (!(await this.subscribers.waitFor(event.position, { names: readModels }))) {
      throw new DomainError(
        'READ_MODEL.BEHIND',
        `The read models ${readModels.join(', ')} do not show ${event.position} yet`,
        'unavailable',
      );
    }
  }

  private async check(inquiry: CheckedInquiry, cause: RecordedEvent): Promise<void> {
    await this.commands.execute(new CheckInquiryCommand(inquiry, reactionContext(this.name, cause)));
  }

  /** The parcel a dues payment or a permit file's event concerns. */
  private parcelOf(event: RecordedEvent): { municipality: string; renewalCode: string } | undefined {
    if (event.type === 'RenewalDuesPaid') return (event as RecordedEvent<ParcelEvent>).data;
    return this.permits.get((event.data as { permitId: string }).permitId);
  }
}
