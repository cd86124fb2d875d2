import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import type { RuleSetView } from '../../rule-sets/rule-sets.read-model.js';
import { RuleSetsReadModel } from '../../rule-sets/rule-sets.read-model.js';
import { todayInTehran } from '../../shared/tehran-date.js';
import { ParcelDebts } from '../parcel-debts.js';
import { scopeOf } from '../parcel-staff-access.js';
import { ParcelsReadModel } from '../parcels.read-model.js';
import { LookupParcelQuery } from './lookup-parcel.query.js';
import { parcelLookup } from './parcel-lookup.js';

/** Anyone may look a parcel up by its renewal code (کد نوسازی); owners and staff see more. */
@QueryHandler(LookupParcelQuery)
export class LookupParcelHandler implements IQueryHandler<LookupParcelQuery> {
  private readonly publicAnswers = new WeakMap<
    ParcelView,
    { ruleSet: RuleSetView | undefined; json: string }
  >();

  constructor(
    private readonly parcels: ParcelsReadModel,
    private readonly ruleSets: RuleSetsReadModel,
    private readonly debts: ParcelDebts,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ renewalCode, municipality, caller }: LookupParcelQuery): Promise<string> {
    const parcel = this.parcels.find(renewalCode, municipality);
    const access = caller.accessTo(scopeOf(parcel));
    const ruleSet = this.ruleSets.inForce(parcel.municipality, todayInTehran(new Date(caller.now)));
    if (access === 'owner' || access === 'staff') {
      // The trail leaves out the reader's own national id: an owner's lookup is recorded for the
      // co-owners, and a counter office's, on a citizen's behalf, for every owner.
      this.trail.accessed(caller, accessOf('parcel_owners', parcel.renewalCode, scopeOf(parcel)));
      return JSON.stringify(parcelLookup(parcel, access, ruleSet, this.debts.of(parcel)));
    }
    // Kept serialised for as long as the cached parcel view and rule set stay the same objects (the
    // read-model cache replaces them on every change).
    const cached = this.publicAnswers.get(parcel);
    if (cached && cached.ruleSet === ruleSet) return cached.json;
    const json = JSON.stringify(parcelLookup(parcel, 'none', ruleSet, this.debts.of(parcel)));
    this.publicAnswers.set(parcel, { ruleSet, json });
    return json;
  }
}
