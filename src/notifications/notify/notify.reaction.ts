import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { OrganisationsReadModel } from '../../identity/organisations/organisations.read-model.js';
import { reactionContext } from '../../identity/principal.js';
import type { InquiryFiledFacts } from './file-facts.js';
import { FileFactsReader } from './file-facts.js';
import { NOTIFYING_TYPES, noticesOf, type NoticeContext, type NotifyingEvent } from './notices.js';
import { Notifier } from './notifier.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { permitStream } from '../../permits/permit.events.js';

const HOUR_MS = 3_600_000;

/** A citizen asking about a parcel, as its owners read it. */
const A_CITIZEN = 'یک شهروند';

/**
 * Tells people of their files the moment something happens: one checkpoint, at least once, idempotent.
 * News older than DAFTAR_NOTIFY_MAX_AGE_HOURS is no longer news and tells nobody.
 */
@Injectable()
export class NotifyReaction implements Reaction, OnModuleInit {
  readonly name = 'notifications';
  readonly handles = NOTIFYING_TYPES;

  constructor(
    private readonly files: FileFactsReader,
    private readonly notifier: Notifier,
    private readonly parcels: ParcelsReadModel,
    private readonly organisations: OrganisationsReadModel,
    private readonly subscribers: SubscriberRunner,
    private readonly reactions: ReactionCheckpoints,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(event: RecordedEvent): Promise<void> {
    const command = reactionContext(this.name, event);
    const ageMs = Date.parse(command.now) - Date.parse(event.metadata.recordedAt);
    if (ageMs > this.config.notifications.maxAgeHours * HOUR_MS) return;
    const notifying = event as RecordedEvent<NotifyingEvent>;
    const stream =
      notifying.type === 'DocumentIssued'
        ? notifying.data.subject.stream
        : notifying.type === 'PaymentExpired' || notifying.type === 'RefundPaid'
          ? permitStream(notifying.data.permitId)
          : event.stream;
    const file = await this.files.of(stream);
    if (!file) return;
    const context: NoticeContext = {
      publicUrl: this.config.publicUrl,
      ...(notifying.type === 'InquiryAnswered' && file.process === 'inquiry' ? this.aboutParcel(file) : {}),
    };
    for (const notice of noticesOf(notifying, file, context)) await this.notifier.notify(notice, command);
  }

  private aboutParcel(file: InquiryFiledFacts): Pick<NoticeContext, 'parcelOwners' | 'requesterName'> {
    const owners = this.parcels.find(file.renewalCode, file.municipality).owners.map((o) => o.nationalId);
    const { requester } = file;
    const organisation =
      'organisation' in requester ? this.organisations.get(requester.organisation) : undefined;
    return {
      parcelOwners: owners,
      requesterName: organisation ? (organisation.nameFa ?? organisation.name) : A_CITIZEN,
    };
  }
}
