import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { WebhookWorker } from '../delivery/webhook-worker.js';
import { runWebhookCommand } from '../run-webhook-command.js';
import { webhookOwner } from '../webhook-access.js';
import { DeleteWebhookCommand } from './delete-webhook.command.js';

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly worker: WebhookWorker,
  ) {}

  async execute({ webhookId, caller }: DeleteWebhookCommand): Promise<void> {
    const { owner } = webhookOwner(caller);
    await runWebhookCommand(this.commands, { type: 'DeleteWebhook', data: { webhookId, owner } }, caller);
    this.worker.reconcile();
  }
}
