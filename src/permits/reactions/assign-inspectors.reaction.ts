import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { RecordedEvent } from '../../event-store/event-envelope.js';
import { ReactionSubscriber, type Reaction } from '../../event-store/subscriptions/reaction-subscriber.js';
import { ReactionCheckpoints } from '../../event-store/subscriptions/reaction-checkpoints.js';
import { SubscriberRunner } from '../../event-store/subscriptions/subscriber-runner.js';
import { reactionContext } from '../../identity/principal.js';
import { AutoAssignInspectorCommand } from '../assign-inspector/auto-assign-inspector.command.js';
import { currentStage } from '../permit.state.js';
import { PermitHistory } from './permit-history.js';

/**
 * Each stage of construction goes to an inspector the moment it is under way: when the permit is
 * issued (or issued anew in place of a revoked one), when the stage before is inspected compliant,
 * when the fine for its violations is paid, and when a renewal that held the stages ends.
 */
@Injectable()
export class AssignInspectorsReaction implements Reaction, OnModuleInit {
  readonly name = 'permit-inspectors';
  readonly handles = [
    'PermitIssued',
    'StageInspected',
    'PermitPaymentRecorded',
    'PermitRenewed',
    'PermitRenewalWithdrawn',
  ];

  constructor(
    private readonly history: PermitHistory,
    private readonly commands: CommandBus,
    private readonly subscribers: SubscriberRunner,
    private readonly reactions: ReactionCheckpoints,
  ) {}

  onModuleInit(): void {
    this.subscribers.register(new ReactionSubscriber(this, this.reactions));
  }

  async react(event: RecordedEvent): Promise<void> {
    const file = await this.history.stateAfter(event);
    if (file.status !== 'issued' && file.status !== 'fine_paid') return;
    // A revoked permit's stages wait for the new permit, whose PermitIssued brings the file back here.
    if (file.revocation) return;
    const stage = currentStage(file);
    if (!stage || file.inspectionAssignment?.stage === stage.stage) return;
    await this.commands.execute(
      new AutoAssignInspectorCommand(file, event.metadata.recordedAt, reactionContext(this.name, event)),
    );
  }
}
