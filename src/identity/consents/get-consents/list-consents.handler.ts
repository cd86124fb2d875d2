import type { ConsentView } from '../../../../projections/consents/consents.projection.js';
import type { ConsentResponseDto } from '../consent.response.dto.js';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ConsentsReadModel } from '../consents.read-model.js';
import { ConsentListResponseDto } from '../consent.response.dto.js';
import { ListConsentsQuery } from './list-consents.query.js';

@QueryHandler(ListConsentsQuery)
export class ListConsentsHandler implements IQueryHandler<ListConsentsQuery> {
  constructor(private readonly consents: ConsentsReadModel) {}

  async execute({ caller }: ListConsentsQuery): Promise<ConsentListResponseDto> {
    const party =
      caller.grant?.role === 'counter_office'
        ? { office: caller.grant.organisation! }
        : { citizenNationalId: caller.signedIn.nationalId ?? '' };
    return { items: this.consents.of(party).map((c) => shown(c, caller.now)) };
  }
}

function shown(consent: ConsentView, now: string): ConsentResponseDto {
  return {
    ...consent,
    live: consent.status === 'granted' && consent.validUntil !== null && consent.validUntil > now,
  };
}
