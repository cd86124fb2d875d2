import type { Role } from '../identity/roles.js';

/**
 * Roles that may read payments; which ones, per payment: the payer, and the staff who handle the file,
 * its money or its oversight. Not the surveyor (نقشه‌بردار) or the building inspector (بازرس ساختمان),
 * who measure and inspect the building, not what its applicant paid. A list, not "all but", so a new
 * role reads no payment until someone decides it should.
 */
export const PAYMENT_READERS: readonly Role[] = [
  'citizen',
  'counter_office',
  'clerk',
  'signatory',
  'cashier',
  'oversight',
];
