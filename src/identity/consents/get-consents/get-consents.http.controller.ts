import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ConsentView } from '../../../../projections/consents/consents.projection.js';
import { Roles } from '../../auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../auth/caller.decorator.js';
import { ConsentsReadModel } from '../consents.read-model.js';
import type { ConsentResponseDto } from '../consent.response.dto.js';
import { ConsentListResponseDto } from '../consent.response.dto.js';

@ApiTags('consents')
@Controller('consents')
export class GetConsentsHttpController {
  constructor(private readonly consents: ConsentsReadModel) {}

  @Get()
  @Roles(['citizen', 'counter_office'])
  @ApiOperation({ summary: "A citizen's own consents, or an office's, newest first (one page of 50)" })
  @ApiOkResponse({ type: ConsentListResponseDto })
  list(@CurrentCaller() caller: Caller): ConsentListResponseDto {
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
