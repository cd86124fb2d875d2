import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationsProjection } from '../../../../projections/organisations/organisations.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { ScopeDirectory } from '../../scope-directory.js';
import { organisationDecider, organisationNotFound } from '../organisation.decider.js';
import { organisationStream } from '../organisation.events.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { OrganisationsReadModel } from '../organisations.read-model.js';
import { RegisterOrganisationCommand } from './register-organisation.command.js';

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<RegisterOrganisationCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly directory: ScopeDirectory,
    private readonly organisations: OrganisationsReadModel,
  ) {}

  async execute({ request, caller, options }: RegisterOrganisationCommand): Promise<OrganisationResponseDto> {
    if (request.municipality !== undefined) this.directory.municipality(request.municipality);
    const { id, kind, name, nameFa, officeNumber, municipality } = request;
    await this.commands.run(
      organisationStream(id),
      organisationDecider,
      {
        type: 'RegisterOrganisation',
        data: {
          id,
          kind,
          name,
          ...(nameFa !== undefined ? { nameFa } : {}),
          ...(officeNumber !== undefined ? { officeNumber } : {}),
          ...(municipality !== undefined ? { municipality } : {}),
        },
      },
      caller.commandContext(),
      { ...options, awaiting: [organisationsProjection.name] },
    );
    return this.organisations.getOr(id, organisationNotFound);
  }
}
