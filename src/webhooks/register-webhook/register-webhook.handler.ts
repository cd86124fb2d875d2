import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { webhooksProjection } from '../../../projections/webhooks/webhooks.projection.js';
import { APP_CONFIG } from '../../config/app-config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { encodeCursor } from '../../feed/feed-cursor.js';
import { EVENT_POLICIES, PUBLISHED_TYPES } from '../../feed/policy/event-policies.js';
import { CredentialsCipher } from '../../identity/credentials-cipher.js';
import { DomainError } from '../../shared/domain-error.js';
import { newId } from '../../shared/ids.js';
import { resolveTarget } from '../delivery/webhook-sender.js';
import { WebhookWorker } from '../delivery/webhook-worker.js';
import { webhookOwner } from '../webhook-access.js';
import { webhookDecider, webhookNotFound } from '../webhook.decider.js';
import { webhookStream } from '../webhook.events.js';
import { toWebhookResponse, type WebhookWithSecretResponseDto } from '../webhook.response.dto.js';
import { newWebhookSecret } from '../webhook-signature.js';
import { webhookUrlProblem, type TargetRules } from '../webhook-url.js';
import { WebhooksReadModel } from '../webhooks.read-model.js';
import { RegisterWebhookCommand } from './register-webhook.command.js';

const PUBLISHED = Object.fromEntries(
  PUBLISHED_TYPES.map((type) => {
    const policy = EVENT_POLICIES[type];
    return [type, policy.published ? policy.category : ''];
  }),
);

@CommandHandler(RegisterWebhookCommand)
export class RegisterWebhookHandler implements ICommandHandler<RegisterWebhookCommand> {
  private readonly rules: TargetRules;
  private readonly maxPerOwner: number;

  constructor(
    private readonly commands: CommandRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly cipher: CredentialsCipher,
    private readonly webhooks: WebhooksReadModel,
    private readonly worker: WebhookWorker,
  ) {
    this.rules = { httpsOnly: config.production, allowPrivate: config.webhookAllowPrivateTargets };
    this.maxPerOwner = config.webhooksPerOwner;
  }

  async execute({ request, caller }: RegisterWebhookCommand): Promise<WebhookWithSecretResponseDto> {
    const { owner, audience } = webhookOwner(caller);
    await this.checkUrl(request.url);
    const webhookId = newId();
    const secret = newWebhookSecret();
    const { types, categories, municipalities } = request;
    await this.commands.run(
      webhookStream(webhookId),
      webhookDecider,
      {
        type: 'RegisterWebhook',
        data: {
          webhookId,
          owner,
          ownerSignedInBy: caller.signedIn.authenticatedBy,
          url: request.url,
          filters: {
            ...(types ? { types } : {}),
            ...(categories ? { categories } : {}),
            ...(municipalities ? { municipalities } : {}),
          },
          ownerAudience: audience,
          startAfter: encodeCursor(await this.store.headPosition()),
          secret: this.cipher.seal(secret),
          published: PUBLISHED,
          ownerWebhooks: this.webhooks.countOwnedBy(owner),
          maxPerOwner: this.maxPerOwner,
        },
      },
      caller.commandContext(),
      { awaiting: [webhooksProjection.name] },
    );
    this.worker.reconcile();
    return { ...toWebhookResponse(this.webhooks.getOr(webhookId, webhookNotFound), undefined), secret };
  }

  /** What the URL says, and the addresses its name resolves to now; each delivery checks again. */
  private async checkUrl(url: string): Promise<void> {
    const problem = webhookUrlProblem(url, this.rules);
    if (problem) throw new DomainError('WEBHOOK.INVALID_URL', problem, 'invalid');
    try {
      await resolveTarget(new URL(url).hostname, this.rules.allowPrivate);
    } catch (error) {
      throw new DomainError('WEBHOOK.INVALID_URL', (error as Error).message, 'invalid');
    }
  }
}
