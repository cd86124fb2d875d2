import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ScopeDirectory } from '../../identity/scope-directory.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { PermitCommandRunner } from '../permit-command-runner.js';
import type { PermitView } from '../permits.read-model.js';
import { NominateEngineerCommand } from './nominate-engineer.command.js';

@CommandHandler(NominateEngineerCommand)
export class NominateEngineerHandler implements ICommandHandler<NominateEngineerCommand> {
  constructor(
    private readonly runner: PermitCommandRunner,
    private readonly users: UsersReadModel,
    private readonly directory: ScopeDirectory,
  ) {}

  /** Loads what the nomination rule needs to know of the engineer and the office; the decider decides. */
  execute({ caller, permitId, input, options }: NominateEngineerCommand): Promise<PermitView> {
    const { engineerId, organisation } = input;
    const engineer = engineerId === undefined ? undefined : this.users.get(engineerId);
    const engineerOffices =
      engineer && !engineer.disabled
        ? engineer.grants.flatMap((g) =>
            g.role === 'engineer' && g.organisation && this.isEngineeringOffice(g.organisation)
              ? [g.organisation]
              : [],
          )
        : [];
    return this.runner.run(
      caller,
      permitId,
      'applicant',
      (p) => ({
        type: 'NominateEngineer',
        data: {
          permitId: p.permitId,
          ...(engineerId === undefined ? {} : { engineerId }),
          ...(organisation === undefined ? {} : { organisation }),
          engineerOffices,
          organisationKnown: organisation !== undefined && this.isEngineeringOffice(organisation),
        },
      }),
      options,
    );
  }

  /** An office that exists, is active and is an engineering organisation. */
  private isEngineeringOffice(organisation: string): boolean {
    return this.directory.grantRefusal({ role: 'engineer', organisation }) === undefined;
  }
}
