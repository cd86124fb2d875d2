import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IssueDocumentCommand } from '../../documents/issue-document/issue-document.command.js';
import { streamUpTo } from '../../event-store/stream-up-to.js';
import { fold } from '../../event-store/command-handling/decider.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import { parcelId } from '../../parcels/parcel.events.js';
import { ParcelsReadModel } from '../../parcels/parcels.read-model.js';
import { answerDocumentBody, answerDocumentKind } from '../inquiry-answer-view.js';
import { inquiryDecider } from '../inquiry.decider.js';
import type { InquiryEvent } from '../inquiry.events.js';

type Answered = Extract<InquiryEvent, { type: 'InquiryAnswered' }>;

/**
 * Issues the signed answer (پاسخ استعلام), or the no-violation certificate (گواهی عدم خلاف), for every
 * answer, automatic or a clerk's. The body is what the requester may know; the requesting organisation
 * may fetch it, and so may the owners, except of a utility's answer, which names nobody.
 */
@Injectable()
export class IssueInquiryAnswersReaction implements Reaction, OnModuleInit {
  /** Issues the signed document of each answer. */
  readonly name = 'inquiry-answers';
  readonly handles = ['InquiryAnswered'];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly parcels: ParcelsReadModel,
    private readonly commands: CommandBus,
    private readonly subscribers: SubscriberRunner,
    private readonly reactions: ReactionCheckpoints,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(event: RecordedEvent): Promise<void> {
    const history = await streamUpTo(this.store, event);
    const inquiry = fold(inquiryDecider, history as RecordedEvent<InquiryEvent>[]);
    if (inquiry.status !== 'answered') return;
    const { filing } = inquiry;
    const answer = (event as RecordedEvent<Answered>).data;
    const holders =
      filing.kind === 'Utility'
        ? []
        : (this.parcels.get(parcelId(filing.municipality, filing.renewalCode))?.owners ?? []).map(
            ({ nationalId, name }) => ({ nationalId, name }),
          );
    await this.commands.execute(
      new IssueDocumentCommand(
        {
          kind: answerDocumentKind(filing.kind, answer.outcome),
          municipality: filing.municipality,
          renewalCode: filing.renewalCode,
          holders,
          ...('organisation' in filing.requester ? { organisation: filing.requester.organisation } : {}),
          body: answerDocumentBody(filing, answer),
          subject: { stream: event.stream, eventId: event.id },
        },
        { ...reactionContext(this.name, event), now: event.metadata.recordedAt },
      ),
    );
  }
}
