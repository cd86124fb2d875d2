// The row shapes live beside the pure computations that make them (projections/ imports no src/audit).
export type * from '../../../projections/audit-reports/report-rows.js';
