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
import { RegisterParcelHandler } from './register-parcel/register-parcel.handler.js';
import { CorrectParcelHandler } from './correct-parcel/correct-parcel.handler.js';
import { ChangeOwnershipHandler } from './change-ownership/change-ownership.handler.js';
import { BillRenewalDuesHandler } from './bill-renewal-dues/bill-renewal-dues.handler.js';
import { PayRenewalDuesHandler } from './pay-renewal-dues/pay-renewal-dues.handler.js';
import { GetParcelDebtsHandler } from './get-parcel-debts/get-parcel-debts.handler.js';
import { LookupParcelHandler } from './lookup-parcel/lookup-parcel.handler.js';
import { EstimateFeesHandler } from './estimate-fees/estimate-fees.handler.js';
import { ImportParcelsHandler } from './import-parcels/import-parcels.handler.js';
import { ParcelStaffCommands } from './parcel-staff-commands.js';

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
  providers: [
    ParcelsReadModel,
    ParcelDebts,
    ParcelStaffAccess,
    ParcelStaffCommands,
    ParcelDemoSeeder,
    RegisterParcelHandler,
    CorrectParcelHandler,
    ChangeOwnershipHandler,
    BillRenewalDuesHandler,
    PayRenewalDuesHandler,
    GetParcelDebtsHandler,
    LookupParcelHandler,
    EstimateFeesHandler,
    ImportParcelsHandler,
  ],
  exports: [ParcelsReadModel, ParcelDebts, ParcelDemoSeeder],
})
export class ParcelsModule {}
