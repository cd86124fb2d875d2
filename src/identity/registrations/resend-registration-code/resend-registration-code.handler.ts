import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { handleCommand } from '../../../event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.js';
import { SMS_SENDER, type SmsSender } from '../../../shared/sms/sms.port.js';
import { CodeLimits } from '../../one-time-codes/code-limits.js';
import { codeMessages } from '../../one-time-codes/code-messages.js';
import { OneTimeCodes } from '../../one-time-codes/one-time-codes.js';
import { registrationDecider } from '../registration.decider.js';
import { currentRegistration } from '../registration-history.js';
import { registrationStream } from '../registration.events.js';
import { ResendRegistrationCodeCommand } from './resend-registration-code.command.js';

/** A new code for a pending registration, to the same mobile; the old code stops counting. */
@CommandHandler(ResendRegistrationCodeCommand)
export class ResendRegistrationCodeHandler implements ICommandHandler<ResendRegistrationCodeCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codes: OneTimeCodes,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly limits: CodeLimits,
  ) {}

  async execute({
    input,
    context,
  }: ResendRegistrationCodeCommand): Promise<{ registrationId: string; expiresAt: string }> {
    const before = await currentRegistration(this.store, input.registrationId);
    if (before.status === 'pending') {
      const { nationalId, mobile } = before.registration;
      this.limits.beforeAsking(input.address, Date.parse(context.now));
      this.limits.beforeSending('registration', { nationalId, mobile }, Date.parse(context.now));
    }
    const code = this.codes.draw('registration', input.registrationId);
    const { state } = await handleCommand(
      this.store,
      registrationStream(input.registrationId),
      registrationDecider,
      { type: 'ResendRegistrationCode', data: { codeDigest: code.digest, now: context.now } },
      context,
    );
    if (state.status !== 'pending')
      throw new Error(`registration ${input.registrationId} is ${state.status} after a resend`);
    await this.sms.send({
      to: state.registration.mobile,
      text: codeMessages.registration(code.code),
      reference: `reg-${input.registrationId}-${state.challenge.resends}`,
    });
    return { registrationId: input.registrationId, expiresAt: state.challenge.expiresAt };
  }
}
