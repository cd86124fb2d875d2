import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { InquiriesModule } from '../inquiries/inquiries.module.js';
import { PermitsModule } from '../permits/permits.module.js';
import { CounterOfficeFilesReadModel } from './counter-office-files.read-model.js';
import { ListOfficeFilesHandler } from './list-office-files/list-office-files.handler.js';
import { ListOfficeFilesHttpController } from './list-office-files/list-office-files.http.controller.js';

/** Counter offices (دفتر پیشخوان): their own worklist of what they did for citizens. */
@Module({
  imports: [IdentityModule, PermitsModule, InquiriesModule],
  controllers: [ListOfficeFilesHttpController],
  providers: [CounterOfficeFilesReadModel, ListOfficeFilesHandler],
})
export class CounterOfficesModule {}
