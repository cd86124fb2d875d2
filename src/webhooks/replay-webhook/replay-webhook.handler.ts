import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { decodeCursor } from '../../feed/feed-cursor.js';
import { WebhookWorker } from '../delivery/webhook-worker.js';
import { runWebhookCommand } from '../run-webhook-command.js';
import { ownWebhook, webhookOwner } from '../webhook-access.js';
import { toWebhookResponse, type WebhookResponseDto } from '../webhook.response.dto.js';
import { WebhooksReadModel } from '../webhooks.read-model.js';
import { ReplayWebhookCommand } from './replay-webhook.command.js';

@CommandHandler(ReplayWebhookCommand)
export class ReplayWebhookHandler implements ICommandHandler<ReplayWebhookCommand> {
  constructor(
    private readonly commands: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly webhooks: WebhooksReadModel,
    private readonly worker: WebhookWorker,
  ) {}

  async execute({ webhookId, from, caller }: ReplayWebhookCommand): Promise<WebhookResponseDto> {
    const { owner } = webhookOwner(caller);
    decodeCursor(from, (position) => this.isPosition(position));
    await runWebhookCommand(
      this.commands,
      { type: 'ReplayWebhook', data: { webhookId, owner, from } },
      caller,
    );
    this.worker.reconcile();
    return toWebhookResponse(
      ownWebhook(this.webhooks, caller, webhookId),
      this.worker.deliveries.progress(webhookId),
    );
  }

  private isPosition(position: string): boolean {
    try {
      this.store.comparePositions(position, position);
      return true;
    } catch {
      return false;
    }
  }
}
