import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { CredentialsCipher } from '../../identity/credentials-cipher.js';
import { WebhookWorker } from '../delivery/webhook-worker.js';
import { runWebhookCommand } from '../run-webhook-command.js';
import { ownWebhook, webhookOwner } from '../webhook-access.js';
import { toWebhookResponse, type WebhookWithSecretResponseDto } from '../webhook.response.dto.js';
import { newWebhookSecret } from '../webhook-signature.js';
import { WebhooksReadModel } from '../webhooks.read-model.js';
import { RotateWebhookSecretCommand } from './rotate-webhook-secret.command.js';

@CommandHandler(RotateWebhookSecretCommand)
export class RotateWebhookSecretHandler implements ICommandHandler<RotateWebhookSecretCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly cipher: CredentialsCipher,
    private readonly webhooks: WebhooksReadModel,
    private readonly worker: WebhookWorker,
  ) {}

  async execute({
    webhookId,
    request,
    caller,
  }: RotateWebhookSecretCommand): Promise<WebhookWithSecretResponseDto> {
    const { owner } = webhookOwner(caller);
    const context = caller.commandContext();
    const previousValidUntil = new Date(Date.parse(context.now) + request.keepPreviousForHours * 3600_000);
    const secret = newWebhookSecret();
    await runWebhookCommand(
      this.commands,
      {
        type: 'RotateWebhookSecret',
        data: {
          webhookId,
          owner,
          secret: this.cipher.seal(secret),
          previousValidUntil: previousValidUntil.toISOString(),
        },
      },
      caller,
    );
    const view = ownWebhook(this.webhooks, caller, webhookId);
    return { ...toWebhookResponse(view, this.worker.deliveries.progress(webhookId)), secret };
  }
}
