import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { handleCommand } from '../../../event-store/command-handling/handle-command.js';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.js';
import { DomainError } from '../../../shared/domain-error.js';
import { newId } from '../../../shared/ids.js';
import { SMS_SENDER, type SmsSender } from '../../../shared/sms/sms.port.js';
import { CodeLimits } from '../../one-time-codes/code-limits.js';
import { codeMessages } from '../../one-time-codes/code-messages.js';
import { dayBefore } from '../../one-time-codes/one-time-code.js';
import { OneTimeCodes } from '../../one-time-codes/one-time-codes.js';
import { RegistrationsReadModel } from '../registrations.read-model.js';
import { passwordProblem } from '../../password-hasher.js';
import { PasswordVault } from '../../password-vault.js';
import { canonicalMobile, canonicalNationalId } from '../../personal-details.js';
import { IDENTITY_MATCH, type IdentityMatch } from '../../proofing/identity-match.port.js';
import { UsersReadModel } from '../../users/users.read-model.js';
import { registrationDecider } from '../registration.decider.js';
import { registrationStream } from '../registration.events.js';
import { StartRegistrationCommand } from './start-registration.command.js';

/**
 * Registration, step one: the identity registry must hold this mobile for this national id; then a
 * code goes to it. Nothing is owned until the code comes back (step two).
 */
@CommandHandler(StartRegistrationCommand)
export class StartRegistrationHandler implements ICommandHandler<StartRegistrationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(IDENTITY_MATCH) private readonly registry: IdentityMatch,
    private readonly users: UsersReadModel,
    private readonly registrations: RegistrationsReadModel,
    private readonly codes: OneTimeCodes,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    private readonly limits: CodeLimits,
    private readonly passwords: PasswordVault,
  ) {}

  async execute({
    input,
    context,
  }: StartRegistrationCommand): Promise<{ registrationId: string; expiresAt: string }> {
    const nationalId = canonicalNationalId(input.nationalId);
    const mobile = canonicalMobile(input.mobile);
    const problem = passwordProblem(input.password);
    if (problem) throw new DomainError('USER.WEAK_PASSWORD', problem, 'invalid');
    const nowMs = Date.parse(context.now);
    this.limits.beforeAsking(input.address, nowMs);
    const mobileMatches = await this.registry.matches(nationalId, mobile);
    if (mobileMatches) this.limits.beforeSending('registration', { nationalId, mobile }, nowMs);
    const registrationId = newId();
    const code = this.codes.draw('registration', registrationId);
    const result = await handleCommand(
      this.store,
      registrationStream(registrationId),
      registrationDecider,
      {
        type: 'StartRegistration',
        data: {
          registrationId,
          nationalId,
          mobile,
          fullName: input.fullName.trim(),
          // Hashed only for a registration that can go on: scrypt is the costly part of the request.
          passwordHash: mobileMatches ? await this.passwords.protectPassword(input.password) : '',
          codeDigest: code.digest,
          now: context.now,
          mobileMatches,
          nationalIdTaken: this.users.holdsNationalId(nationalId),
          recentWrongCodes: this.registrations.wrongCodesSince(nationalId, dayBefore(context.now)),
        },
      },
      context,
    );
    await this.sms.send({
      to: mobile,
      text: codeMessages.registration(code.code),
      reference: `reg-${registrationId}-0`,
    });
    const { state } = result;
    if (state.status !== 'pending')
      throw new Error(`registration ${registrationId} is ${state.status} at its start`);
    return { registrationId, expiresAt: state.challenge.expiresAt };
  }
}
