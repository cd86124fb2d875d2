import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { municipalitiesProjection } from '../../../../projections/municipalities/municipalities.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { MunicipalitiesReadModel } from '../municipalities.read-model.js';
import { municipalityDecider, municipalityNotFound } from '../municipality.decider.js';
import { MunicipalityResponseDto } from '../municipality.dto.js';
import { municipalityStream } from '../municipality.events.js';
import { AddRegionCommand } from './add-region.command.js';

@CommandHandler(AddRegionCommand)
export class AddRegionHandler implements ICommandHandler<AddRegionCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly municipalities: MunicipalitiesReadModel,
  ) {}

  async execute({ code, request, caller, options }: AddRegionCommand): Promise<MunicipalityResponseDto> {
    await this.commands.run(
      municipalityStream(code),
      municipalityDecider,
      { type: 'AddRegion', data: { code, region: { code: request.code, name: request.name } } },
      caller.commandContext(),
      { ...options, awaiting: [municipalitiesProjection.name] },
    );
    return this.municipalities.getOr(code, municipalityNotFound);
  }
}
