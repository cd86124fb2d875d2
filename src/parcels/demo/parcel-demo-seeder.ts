import { Injectable, Logger } from '@nestjs/common';
import { parcelsProjection } from '../../../projections/parcels/parcels.projection.js';
import type { CommandContext } from '../../event-store/command-handling/command-context.js';
import { CommandRunner } from '../../event-store/command-handling/command-runner.js';
import { DomainError } from '../../shared/domain-error.js';
import { jalaliYear } from '../../shared/jalali.js';
import type { DemoParcel } from '../demo-parcels.js';
import { parcelDecider, type ParcelCommand } from '../parcel.decider.js';
import { parcelStream } from '../parcel.events.js';
import { demoParcelSets } from '../province-demo-parcels.js';

/** The demo's renewal dues rule: 1,500 rials per m² of parcel, rounded, at least 500,000 rials. */
export function demoRenewalDues(areaM2: number): number {
  return Math.max(500_000, Math.round(1_500 * areaM2));
}

/**
 * What the demo records of a parcel of `municipality`: its registration, the renewal dues of
 * `currentYear` and of its unpaid years (oldest first), and a payment in full of every billed year not
 * among the unpaid ones.
 */
export function demoParcelCommands(
  municipality: string,
  parcel: DemoParcel,
  currentYear: number,
): ParcelCommand[] {
  const { renewalCode, unpaidDuesYears, owners, ...details } = parcel;
  const key = { municipality, renewalCode };
  const amount = demoRenewalDues(parcel.areaM2);
  const years = [...new Set([currentYear, ...unpaidDuesYears])].sort((a, b) => a - b);
  return [
    { type: 'RegisterParcel', data: { ...key, ...details, owners: [...owners] } },
    ...years.map((year): ParcelCommand => ({ type: 'BillRenewalDues', data: { ...key, year, amount } })),
    ...years
      .filter((year) => !unpaidDuesYears.includes(year))
      .map((year): ParcelCommand => ({
        type: 'PayRenewalDues',
        data: { ...key, year, amount, reference: `demo-${renewalCode}-${year}`, channel: 'import' },
      })),
  ];
}

/**
 * The demo parcels of Hamedan (about fifty), Qazvin and Takestan (a handful each) with their renewal dues for the current Solar Hijri year
 * (Tehran time, from `context.now`) and the years they still owe. A parcel already registered is left
 * alone, so seeding twice changes nothing.
 */
@Injectable()
export class ParcelDemoSeeder {
  private readonly logger = new Logger('ParcelDemoSeeder');

  constructor(private readonly commands: CommandRunner) {}

  async seed(context: CommandContext): Promise<{ created: number; skipped: number }> {
    const year = jalaliYear(context.now);
    const outcomes = await Promise.all(
      demoParcelSets.flatMap(({ municipality, parcels }) =>
        parcels.map((parcel) => this.seedOne(municipality, parcel, year, context)),
      ),
    );
    const created = outcomes.filter(Boolean).length;
    this.logger.log(`Demo parcels: ${created} created, ${outcomes.length - created} already there`);
    return { created, skipped: outcomes.length - created };
  }

  private async seedOne(
    municipality: string,
    parcel: DemoParcel,
    year: number,
    context: CommandContext,
  ): Promise<boolean> {
    const stream = parcelStream(municipality, parcel.renewalCode);
    const commands = demoParcelCommands(municipality, parcel, year);
    for (const [i, command] of commands.entries()) {
      // Only the last command waits for the read model: one wait per parcel, not per event.
      const awaiting = i === commands.length - 1 ? [parcelsProjection.name] : [];
      try {
        await this.commands.run(stream, parcelDecider, command, context, { awaiting });
      } catch (error) {
        if (i === 0 && error instanceof DomainError && error.code === 'PARCEL.ALREADY_EXISTS') return false;
        throw error;
      }
    }
    return true;
  }
}
