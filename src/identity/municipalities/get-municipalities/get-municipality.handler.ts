import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MunicipalitiesReadModel } from '../municipalities.read-model.js';
import { municipalityNotFound } from '../municipality.decider.js';
import { MunicipalityResponseDto } from '../municipality.dto.js';
import { GetMunicipalityQuery } from './get-municipality.query.js';

@QueryHandler(GetMunicipalityQuery)
export class GetMunicipalityHandler implements IQueryHandler<GetMunicipalityQuery> {
  constructor(private readonly municipalities: MunicipalitiesReadModel) {}

  async execute({ code }: GetMunicipalityQuery): Promise<MunicipalityResponseDto> {
    return this.municipalities.getOr(code, municipalityNotFound);
  }
}
