import { Injectable } from '@nestjs/common';
import type { ParcelView } from '../../projections/parcels/parcels.projection.js';

/** One Solar Hijri year of a parcel's annual renewal dues (عوارض نوسازی), in rials. */
export interface YearDues {
  readonly year: number;
  readonly billed: number;
  readonly paid: number;
  readonly outstanding: number;
}

/** What a parcel owes the municipality: what the lookup, inquiries and permits ask before answering. */
export interface ParcelDebtSummary {
  /** Every billed year, oldest first, paid or not. */
  readonly renewalDues: readonly YearDues[];
  /** Outstanding rials over all years. */
  readonly total: number;
  readonly owesAnything: boolean;
}

/** The debts query: a pure mapping of the parcel's read-model document, so every caller counts alike. */
@Injectable()
export class ParcelDebts {
  of(parcel: ParcelView): ParcelDebtSummary {
    return parcelDebts(parcel);
  }
}

export function parcelDebts(parcel: Pick<ParcelView, 'dues'>): ParcelDebtSummary {
  const renewalDues = [...parcel.dues]
    .sort((a, b) => a.year - b.year)
    .map(({ year, billed, paid }) => ({ year, billed, paid, outstanding: Math.max(0, billed - paid) }));
  const total = renewalDues.reduce((sum, d) => sum + d.outstanding, 0);
  return { renewalDues, total, owesAnything: total > 0 };
}
