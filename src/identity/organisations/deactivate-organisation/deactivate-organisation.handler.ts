import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { organisationsProjection } from '../../../../projections/organisations/organisations.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { organisationDecider, organisationNotFound } from '../organisation.decider.js';
import { organisationStream } from '../organisation.events.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { OrganisationsReadModel } from '../organisations.read-model.js';
import { DeactivateOrganisationCommand } from './deactivate-organisation.command.js';

@CommandHandler(DeactivateOrganisationCommand)
export class DeactivateOrganisationHandler implements ICommandHandler<DeactivateOrganisationCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly organisations: OrganisationsReadModel,
  ) {}

  async execute({
    id,
    request,
    caller,
    options,
  }: DeactivateOrganisationCommand): Promise<OrganisationResponseDto> {
    await this.commands.run(
      organisationStream(id),
      organisationDecider,
      { type: 'DeactivateOrganisation', data: { id, reason: request.reason } },
      caller.commandContext(),
      { ...options, awaiting: [organisationsProjection.name] },
    );
    return this.organisations.getOr(id, organisationNotFound);
  }
}
