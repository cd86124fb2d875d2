import { isId } from '../../../shared/ids.js';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { consentsProjection } from '../../../../projections/consents/consents.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { consentDecider, consentNotFound } from '../consent.decider.js';
import { consentStream } from '../consent.events.js';
import { WithdrawConsentCommand } from './withdraw-consent.command.js';

/** The citizen withdraws a consent; the office's next request for them is refused at once. */
@CommandHandler(WithdrawConsentCommand)
export class WithdrawConsentHandler implements ICommandHandler<WithdrawConsentCommand> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ consentId, citizenNationalId, context }: WithdrawConsentCommand): Promise<void> {
    if (!isId(consentId)) throw consentNotFound();
    await this.commands.run(
      consentStream(consentId),
      consentDecider,
      { type: 'WithdrawConsent', data: { citizenNationalId } },
      context,
      { awaiting: [consentsProjection.name] },
    );
  }
}
