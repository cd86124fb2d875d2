import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { documentStream, type DocumentEvent } from '../../documents/document.events.js';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import { RecordPermitRevocationCommand } from '../record-permit-revocation/record-permit-revocation.command.js';

type Revised = Extract<DocumentEvent, { type: 'DocumentRevoked' | 'DocumentSuperseded' }>;

const PERMIT_STREAM = /^permit-(.+)$/;

/**
 * Tells a permit file that its building permit's document no longer stands: revoked (ابطال), or
 * replaced by a document that is not valid itself. A permit replaced by a valid one still stands.
 * The permit decider then knows it from the file's own stream.
 */
@Injectable()
export class RecordPermitRevocationsReaction implements Reaction, OnModuleInit {
  readonly name = 'permit-revocations';
  readonly handles = ['DocumentRevoked', 'DocumentSuperseded'];

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandBus,
    private readonly subscribers: SubscriberRunner,
    private readonly reactions: ReactionCheckpoints,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(recorded: RecordedEvent): Promise<void> {
    const event = recorded as RecordedEvent<Revised>;
    const [issued] = await this.documentEvents(event.data.code);
    if (issued?.type !== 'DocumentIssued' || issued.data.kind !== 'BuildingPermit') return;
    const permitId = PERMIT_STREAM.exec(issued.data.subject.stream)?.[1];
    if (permitId === undefined) return;
    const { code, reason } = event.data;
    const revokedAt = event.metadata.recordedAt;
    const subject = issued.data.subject.stream;
    if (event.type === 'DocumentSuperseded' && (await this.stands(event.data.by, subject, new Set([code]))))
      return;
    const supersededBy = event.type === 'DocumentSuperseded' ? { supersededBy: event.data.by } : {};
    await this.commands.execute(
      new RecordPermitRevocationCommand(
        permitId,
        { code, reason, revokedAt, ...supersededBy },
        reactionContext(this.name, event),
      ),
    );
  }

  /**
   * Whether a building permit of the same file is valid under `code`, or under what replaced it in turn:
   * any other document (the file's map order, another file's permit) does not keep the permit standing.
   */
  private async stands(code: string, subject: string, seen: Set<string>): Promise<boolean> {
    if (seen.has(code)) return false;
    const events = await this.documentEvents(code);
    const [first] = events;
    if (first?.type !== 'DocumentIssued' || first.data.kind !== 'BuildingPermit') return false;
    if (first.data.subject.stream !== subject) return false;
    const last = events.at(-1);
    if (last?.type === 'DocumentIssued') return true;
    return last?.type === 'DocumentSuperseded' && this.stands(last.data.by, subject, seen.add(code));
  }

  private async documentEvents(code: string): Promise<DocumentEvent[]> {
    const events = await this.store.readStream(documentStream(code));
    return events.map((e) => ({ type: e.type, data: e.data }) as DocumentEvent);
  }
}
