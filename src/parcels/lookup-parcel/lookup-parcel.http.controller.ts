import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { todayInTehran } from '../../shared/tehran-date.js';
import { ParcelDebts } from '../parcel-debts.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { parcelView, type ParcelView } from './parcel-view.js';

@ApiTags('parcels')
@Controller('parcels')
export class LookupParcelHttpController {
  constructor(
    private readonly parcels: ParcelsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
    private readonly debts: ParcelDebts,
  ) {}

  /** Anyone may look a parcel up by its renewal code (کد نوسازی); owners and staff see more. */
  @Get(':renewalCode')
  @Public()
  @ApiOperation({
    summary: 'What may be built on a parcel, by the rule set in force, and whether it owes anything',
  })
  @ApiQuery({
    name: 'municipality',
    required: false,
    description: 'needed only when the code exists in several',
  })
  @ApiOkResponse({
    description: 'zone, limits, rule-set version, owners (masked unless owner or staff), debts',
  })
  @ApiBadRequestResponse({ description: 'PARCEL.INVALID_RENEWAL_CODE' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND' })
  lookup(
    @Param('renewalCode') renewalCode: string,
    @Query('municipality') municipality: string | undefined,
    @CurrentCaller() caller: Caller,
  ): ParcelView {
    const parcel = this.parcels.find(renewalCode, municipality);
    const access = caller.accessTo({
      municipality: parcel.municipality,
      region: parcel.region,
      ownerNationalIds: parcel.owners.map((o) => o.nationalId),
    });
    const ruleSet = this.ruleSets.inForce(parcel.municipality, todayInTehran(new Date(caller.now)));
    return parcelView(parcel, access, ruleSet, this.debts.of(parcel));
  }
}
