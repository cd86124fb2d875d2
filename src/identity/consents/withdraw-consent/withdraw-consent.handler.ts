import { isId } from '../../../shared/ids.js';
import { Injectable } from '@nestjs/common';
import { consentsProjection } from '../../../../projections/consents/consents.projection.js';
import type { CommandContext } from '../../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { consentDecider, consentNotFound } from '../consent.decider.js';
import { consentStream } from '../consent.events.js';

/** The citizen withdraws a consent; the office's next request for them is refused at once. */
@Injectable()
export class WithdrawConsentHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(consentId: string, citizenNationalId: string, context: CommandContext): Promise<void> {
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
