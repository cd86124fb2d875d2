import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { ParcelsModule } from '../parcels/parcels.module.js';
import { DemoData } from './demo-data.service.js';

@Module({ imports: [IdentityModule, ParcelsModule], providers: [DemoData], exports: [DemoData] })
export class DemoModule {}
