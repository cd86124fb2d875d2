import type { ParcelView } from '../../../projections/parcels/parcels.projection.js';
import type { PermitView } from '../../../projections/permits/permits.projection.js';
import type { ParcelDebtSummary } from '../../parcels/parcel-debts.js';
import type { ParcelFacts } from '../inquiry-checks.js';

/** What the inquiry checks need to know of a parcel, read from its views. */
export function parcelFacts(
  parcel: Pick<ParcelView, 'existingBuilding'>,
  debts: ParcelDebtSummary,
  permits: readonly PermitView[],
  /** Whether a document code no longer stands (revoked or superseded). */
  withdrawn: (code: string) => boolean = () => false,
): ParcelFacts {
  return {
    unpaidDues: debts.renewalDues
      .filter((d) => d.outstanding > 0)
      .map((d) => ({ year: d.year, amount: d.outstanding })),
    hasBuilding: parcel.existingBuilding !== null,
    permits: permits.map((p) => ({
      permitId: p.permitId,
      status: p.status,
      feesOutstanding: p.fees?.outstanding ?? 0,
      ...(p.commission?.ruling?.fineAmount ? { fineAmount: p.commission.ruling.fineAmount } : {}),
      violations: p.inspection?.compliant === false ? p.inspection.violations.map((v) => v.description) : [],
      documentRevoked: [p.documents.permit, p.documents.completionCertificate].some(
        (code) => code !== undefined && withdrawn(code),
      ),
    })),
  };
}
