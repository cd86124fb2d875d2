import { webhooksProjection } from '../../projections/webhooks/webhooks.projection.js';
import type { CommandRunner } from '../event-store/command-handling/command-runner.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { WebhookCommand } from './webhook.commands.js';
import { webhookDecider } from './webhook.decider.js';
import { webhookStream } from './webhook.events.js';

/** An owner's command on its webhook, answered once the read model shows it. */
export async function runWebhookCommand(
  commands: CommandRunner,
  command: Exclude<WebhookCommand, { type: 'RegisterWebhook' | 'DisableWebhook' }>,
  caller: Caller,
): Promise<void> {
  await commands.run(
    webhookStream(command.data.webhookId),
    webhookDecider,
    command,
    caller.commandContext(),
    {
      awaiting: [webhooksProjection.name],
    },
  );
}
