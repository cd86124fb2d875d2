import { Module } from '@nestjs/common';
import { TrackingNumbers } from './tracking-numbers.service.js';

/** The claim of tracking numbers, for the features that open files (permits, inquiries). */
@Module({ providers: [TrackingNumbers], exports: [TrackingNumbers] })
export class TrackingNumbersModule {}
