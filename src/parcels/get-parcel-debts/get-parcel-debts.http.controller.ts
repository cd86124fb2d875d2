import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { ApiPurposeHeader } from '../../audit/record-access/purpose-header.js';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { ParcelDebtsResponseDto } from '../parcel.dto.js';
import { GetParcelDebtsQuery, PARCEL_STAFF_ROLES } from './get-parcel-debts.query.js';

@ApiTags('parcels')
@Controller('parcels')
export class GetParcelDebtsHttpController {
  constructor(private readonly queries: QueryBus) {}

  /** Amounts are for the owners (or a counter office acting for one) and staff; others learn nothing. */
  @Get(':renewalCode/debts')
  @Roles(['citizen', 'counter_office', ...PARCEL_STAFF_ROLES])
  @ApiPurposeHeader()
  @ApiOperation({ summary: 'A parcel’s renewal dues (عوارض نوسازی), year by year, and what is outstanding' })
  @ApiQuery({ name: 'municipality', required: false, description: 'needed only when the code is ambiguous' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the owner they act for',
  })
  @ApiOkResponse({ type: ParcelDebtsResponseDto })
  @ApiBadRequestResponse({ description: 'PARCEL.INVALID_RENEWAL_CODE, PARCEL.AMBIGUOUS' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND: unknown, or not the caller’s to see' })
  getParcelDebts(
    @Param('renewalCode') renewalCode: string,
    @Query('municipality') municipality: string | undefined,
    @CurrentCaller() caller: Caller,
  ): Promise<ParcelDebtsResponseDto> {
    return this.queries.execute(new GetParcelDebtsQuery(renewalCode, municipality, caller));
  }
}
