import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { municipalitiesProjection } from '../../../../projections/municipalities/municipalities.projection.js';
import { CommandRunner } from '../../../event-store/command-handling/command-runner.js';
import { MunicipalitiesReadModel } from '../municipalities.read-model.js';
import { municipalityDecider, municipalityNotFound } from '../municipality.decider.js';
import { MunicipalityResponseDto } from '../municipality.dto.js';
import { municipalityStream } from '../municipality.events.js';
import { RegisterMunicipalityCommand } from './register-municipality.command.js';

@CommandHandler(RegisterMunicipalityCommand)
export class RegisterMunicipalityHandler implements ICommandHandler<RegisterMunicipalityCommand> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly municipalities: MunicipalitiesReadModel,
  ) {}

  async execute({ request, caller, options }: RegisterMunicipalityCommand): Promise<MunicipalityResponseDto> {
    const regions = (request.regions ?? []).map(({ code, name }) => ({ code, name }));
    await this.commands.run(
      municipalityStream(request.code),
      municipalityDecider,
      {
        type: 'RegisterMunicipality',
        data: {
          code: request.code,
          name: request.name,
          nameFa: request.nameFa,
          regions,
          ...(request.province ? { province: request.province } : {}),
        },
      },
      caller.commandContext(),
      { ...options, awaiting: [municipalitiesProjection.name] },
    );
    return this.municipalities.getOr(request.code, municipalityNotFound);
  }
}
