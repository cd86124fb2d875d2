import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isId } from '../../../shared/ids.js';

import { consentsProjection } from '../../../../projections/consents/consents.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { CodeLimits } from '../../one-time-codes/code-limits.js';
import { wrongCode } from '../../one-time-codes/one-time-code.js';
import { OneTimeCodes } from '../../one-time-codes/one-time-codes.js';
import { consentDecider, consentNotFound } from '../consent.decider.js';
import { consentStream } from '../consent.events.js';
import { ConfirmConsentCommand } from './confirm-consent.command.js';

/** The office types the code the citizen read out; from then on it may act for them, for a while. */
@CommandHandler(ConfirmConsentCommand)
export class ConfirmConsentHandler implements ICommandHandler<ConfirmConsentCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly codes: OneTimeCodes,
    private readonly limits: CodeLimits,
  ) {}

  async execute({
    input,
    context,
  }: ConfirmConsentCommand): Promise<{ consentId: string; validUntil: string }> {
    this.limits.beforeCheck(input.address, Date.parse(context.now));
    if (!isId(input.consentId)) throw consentNotFound();
    const { events, state } = await this.commands.run(
      consentStream(input.consentId),
      consentDecider,
      {
        type: 'ConfirmConsent',
        data: {
          codeDigest: this.codes.digestOf('consent', input.consentId, input.code),
          now: context.now,
          office: input.office,
        },
      },
      context,
      { awaiting: [consentsProjection.name] },
    );
    const rejected = events.find((e) => e.type === 'ConsentCodeRejected');
    if (rejected?.type === 'ConsentCodeRejected') throw wrongCode('CONSENT', rejected.data.attempts);
    if (state.status !== 'granted')
      throw new Error(`consent ${input.consentId} is ${state.status} after its confirmation`);
    return { consentId: input.consentId, validUntil: state.validUntil };
  }
}
