import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { InquiriesModule } from '../inquiries/inquiries.module.js';
import { PermitsModule } from '../permits/permits.module.js';
import { TrackRequestHandler } from './track-request/track-request.handler.js';
import { TrackRequestHttpController } from './track-request/track-request.http.controller.js';

/** Tracking numbers (کد رهگیری): finding a permit file or an inquiry by the number on its receipt. */
@Module({
  imports: [IdentityModule, PermitsModule, InquiriesModule],
  controllers: [TrackRequestHttpController],
  providers: [TrackRequestHandler],
})
export class TrackingModule {}
