import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import { registrationsProjection } from '../../../../projections/registrations/registrations.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.js';
import { DomainError } from '../../../shared/domain-error.js';
import { newId } from '../../../shared/ids.js';
import { CodeLimits } from '../../one-time-codes/code-limits.js';
import { OneTimeCodes } from '../../one-time-codes/one-time-codes.js';
import { wrongCode } from '../../one-time-codes/one-time-code.js';
import { UserAccounts } from '../../users/user-accounts.service.js';
import { UsersReadModel } from '../../users/users.read-model.js';
import { nationalIdTaken, registrationDecider } from '../registration.decider.js';
import { registrationStream } from '../registration.events.js';
import { currentRegistration } from '../registration-history.js';
import { ConfirmRegistrationCommand } from './confirm-registration.command.js';

/** Registration, step two: the code from the SMS creates the citizen's account. */
@CommandHandler(ConfirmRegistrationCommand)
export class ConfirmRegistrationHandler implements ICommandHandler<ConfirmRegistrationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandRunner,
    private readonly users: UsersReadModel,
    private readonly accounts: UserAccounts,
    private readonly codes: OneTimeCodes,
    private readonly limits: CodeLimits,
  ) {}

  async execute({
    input,
    context,
  }: ConfirmRegistrationCommand): Promise<{ userId: string; username: string }> {
    this.limits.beforeCheck(input.address, Date.parse(context.now));
    const before = await currentRegistration(this.store, input.registrationId);
    const { events, state } = await this.commands.run(
      registrationStream(input.registrationId),
      registrationDecider,
      {
        type: 'ConfirmRegistration',
        data: {
          codeDigest: this.codes.digestOf('registration', input.registrationId, input.code),
          now: context.now,
          userId: newId(),
          nationalIdTaken:
            before.status === 'pending' && this.users.holdsNationalId(before.registration.nationalId),
        },
      },
      context,
      // The next registration for this person must see the wrong codes counted.
      { awaiting: [registrationsProjection.name] },
    );
    if (state.status === 'ended' && state.reason === 'national_id_taken') throw nationalIdTaken();
    const rejected = events.find((e) => e.type === 'RegistrationCodeRejected');
    if (rejected?.type === 'RegistrationCodeRejected')
      throw wrongCode('REGISTRATION', rejected.data.attempts);
    if (state.status !== 'confirmed' || before.status !== 'pending') {
      throw new Error(`registration ${input.registrationId} is ${state.status} after its confirmation`);
    }
    const { registration } = before;
    const { userId } = await this.accounts
      .createProtected(
        {
          userId: state.userId,
          username: registration.nationalId,
          displayName: registration.fullName,
          nationalId: registration.nationalId,
          mobile: registration.mobile,
          grants: [{ role: 'citizen' }],
          origin: 'registration',
        },
        () => registration.passwordHash,
        { ...context, actor: { id: state.userId, role: 'citizen' } },
      )
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'USER.USERNAME_TAKEN') throw nationalIdTaken();
        throw error;
      });
    return { userId, username: registration.nationalId };
  }
}
