import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ScopeDirectory } from '../../identity/scope-directory.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitView } from '../permits.read-model.js';
import { NominateEngineerCommand } from './nominate-engineer.command.js';
import { nominateEngineer, nomineeOf } from './nominee.js';

@CommandHandler(NominateEngineerCommand)
export class NominateEngineerHandler implements ICommandHandler<NominateEngineerCommand> {
  constructor(
    private readonly runner: PermitCommandRunner,
    private readonly users: UsersReadModel,
    private readonly directory: ScopeDirectory,
  ) {}

  execute({ caller, permitId, input, options }: NominateEngineerCommand): Promise<PermitView> {
    this.runner.fileFor(caller, permitId, 'applicant');
    const { engineerId } = input;
    const nominee = nomineeOf(input, engineerId === undefined ? undefined : this.users.get(engineerId));
    // An office that exists, is active and is an engineering organisation.
    this.directory.checkGrant({ role: 'engineer', organisation: nominee.organisation });
    return this.runner.run(
      caller,
      permitId,
      'applicant',
      (p) => nominateEngineer(p.permitId, nominee),
      options,
    );
  }
}
