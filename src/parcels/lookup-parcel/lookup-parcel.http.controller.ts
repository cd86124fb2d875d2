import { Controller, Get, Header, Param, Query } from '@nestjs/common';
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
import { parcelView } from './parcel-view.js';
import type { ParcelDocument } from '../../../projections/parcels/parcels.projection.js';
import type { RuleSetDocument } from '../../rule-sets/rule-sets.read-model.js';

@ApiTags('parcels')
@Controller('parcels')
export class LookupParcelHttpController {
  private readonly publicAnswers = new WeakMap<
    ParcelDocument,
    { ruleSet: RuleSetDocument | undefined; json: string }
  >();
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
    description: 'zone, limits, rule-set version, owners (masked unless owner or staff), debts: a ParcelView',
  })
  @ApiBadRequestResponse({ description: 'PARCEL.INVALID_RENEWAL_CODE' })
  @ApiNotFoundResponse({ description: 'PARCEL.NOT_FOUND' })
  @Header('content-type', 'application/json; charset=utf-8')
  lookup(
    @Param('renewalCode') renewalCode: string,
    @Query('municipality') municipality: string | undefined,
    @CurrentCaller() caller: Caller,
  ): string {
    const parcel = this.parcels.find(renewalCode, municipality);
    const access = caller.accessTo({
      municipality: parcel.municipality,
      region: parcel.region,
      ownerNationalIds: parcel.owners.map((o) => o.nationalId),
    });
    const ruleSet = this.ruleSets.inForce(parcel.municipality, todayInTehran(new Date(caller.now)));
    if (access === 'owner' || access === 'staff')
      return JSON.stringify(parcelView(parcel, access, ruleSet, this.debts.of(parcel)));
    // The public answer is the hot path: kept serialised for as long as the cached parcel document and
    // rule set stay the same objects (the read-model cache replaces them on every change).
    const cached = this.publicAnswers.get(parcel);
    if (cached && cached.ruleSet === ruleSet) return cached.json;
    const json = JSON.stringify(parcelView(parcel, 'none', ruleSet, this.debts.of(parcel)));
    this.publicAnswers.set(parcel, { ruleSet, json });
    return json;
  }
}
