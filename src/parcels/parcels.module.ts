import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { RuleSetsModule } from '../rule-sets/rule-sets.module.js';
import { BillRenewalDuesHttpController } from './bill-renewal-dues/bill-renewal-dues.http.controller.js';
import { ChangeOwnershipHttpController } from './change-ownership/change-ownership.http.controller.js';
import { CorrectParcelHttpController } from './correct-parcel/correct-parcel.http.controller.js';
import { ParcelDemoSeeder } from './demo/parcel-demo-seeder.js';
import { EstimateFeesHttpController } from './estimate-fees/estimate-fees.http.controller.js';
import { LookupParcelHttpController } from './lookup-parcel/lookup-parcel.http.controller.js';
import { GetParcelDebtsHttpController } from './get-parcel-debts/get-parcel-debts.http.controller.js';
import { ParcelDebts } from './parcel-debts.js';
import { ParcelStaffAccess } from './parcel-staff-access.js';
import { ParcelsReadModel } from './parcels.read-model.js';
import { PayRenewalDuesHttpController } from './pay-renewal-dues/pay-renewal-dues.http.controller.js';
import { RegisterParcelHttpController } from './register-parcel/register-parcel.http.controller.js';

/** The parcel registry (کد نوسازی), its renewal dues (عوارض نوسازی) and the debts query. */
@Module({
  imports: [IdentityModule, RuleSetsModule],
  controllers: [
    RegisterParcelHttpController,
    CorrectParcelHttpController,
    ChangeOwnershipHttpController,
    BillRenewalDuesHttpController,
    PayRenewalDuesHttpController,
    GetParcelDebtsHttpController,
    LookupParcelHttpController,
    EstimateFeesHttpController,
  ],
  providers: [ParcelsReadModel, ParcelDebts, ParcelStaffAccess, ParcelDemoSeeder],
  exports: [ParcelsReadModel, ParcelDebts, ParcelDemoSeeder],
})
export class ParcelsModule {}
