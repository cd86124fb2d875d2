import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { RecordScope } from '../identity/record-access.js';
import { MUNICIPAL_ROLES, type Role } from '../identity/roles.js';
import { PAYMENT_READERS } from '../payments/payment-readers.js';
import { maskNationalId } from '../shared/masking.js';
import { permitNotFound } from './permit.decider.js';
import { PermitsReadModel, type PermitView } from './permits.read-model.js';

/** Roles that apply for permits: an owner, or a counter office (دفتر پیشخوان) acting for one. */
export const PERMIT_APPLICANTS: readonly Role[] = ['citizen', 'counter_office'];

/** Roles that may read permit files; which files each may read is decided per file. */
export const PERMIT_READERS: readonly Role[] = ['citizen', 'counter_office', 'engineer', ...MUNICIPAL_ROLES];

export const permitScope = (permit: PermitView): RecordScope => ({
  municipality: permit.municipality,
  region: permit.region,
  ownerNationalIds: [permit.applicantNationalId],
});

/**
 * How the caller stands to a file they may read: its applicant (or a counter office acting for them),
 * the municipality's staff, an engineer designing for it, or the building inspector (بازرس ساختمان)
 * whose inspection of it is under way.
 */
export type PermitReader = 'applicant' | 'staff' | 'engineer' | 'inspector';

/** How the caller stands to the file; undefined for whoever may not read it. */
export function readerOf(caller: Caller, permit: PermitView): PermitReader | undefined {
  const access = caller.accessTo(permitScope(permit));
  if (access === 'owner') return 'applicant';
  if (access === 'staff') {
    // An inspector is staff of the files they inspect, not of every file of the municipality.
    if (caller.grant?.role !== 'inspector') return 'staff';
    if (inspectsNow(caller.signedIn.id, permit)) return 'inspector';
  }
  return designsFor(caller, permit) ? 'engineer' : undefined;
}

/**
 * The inspector assigned the stage under way (completion's too, on a file with stages); on a file
 * without stages, the completion inspection asked for is any inspector's of the file's region.
 */
function inspectsNow(inspectorId: string, permit: PermitView): boolean {
  return permit.inspectionStages
    ? permit.inspectorId === inspectorId
    : permit.status === 'completion_requested';
}

/**
 * An engineer reads the files the applicant nominated their engineering office for, and a file
 * nominated to nobody whose design they submitted (made before nominations were asked for).
 */
function designsFor(caller: Caller, permit: PermitView): boolean {
  const principal = caller.principal;
  const offices = principal?.grants.filter((g) => g.role === 'engineer').map((g) => g.organisation);
  if (!principal || !offices?.length) return false;
  return permit.nominee
    ? offices.includes(permit.nominee.organisation)
    : permit.design?.engineerId === principal.id;
}

const isApplicantOrStaff = (caller: Caller, permit: PermitView) => {
  const reader = readerOf(caller, permit);
  return reader === 'applicant' || reader === 'staff';
};

/**
 * The file as the caller may see it: an engineer, who designs for it without being its applicant's
 * agent, and an inspector, who inspects the building against its map order and design, see those
 * and the file's stages but not who applies, their papers or their payments.
 */
export function seenBy(caller: Caller, permit: PermitView): PermitView {
  const reader = readerOf(caller, permit);
  if (reader === 'applicant') return permit;
  // Staff who measure the building (the surveyor) see the file, not what its applicant paid.
  if (reader === 'staff') {
    return PAYMENT_READERS.includes(caller.grant!.role) ? permit : { ...permit, payments: [] };
  }
  return {
    ...permit,
    applicantNationalId: maskNationalId(permit.applicantNationalId),
    attachments: [],
    payments: [],
  };
}

@Injectable()
export class PermitAccess {
  constructor(private readonly permits: PermitsReadModel) {}

  /** The file, answered like a missing one (404 PERMIT.NOT_FOUND) to whoever may not read it. */
  readable(caller: Caller, permitId: string): PermitView {
    const permit = this.permits.get(permitId);
    if (!permit || !readerOf(caller, permit)) throw permitNotFound(permitId);
    return permit;
  }

  /** For the applicant and the municipality's staff only: the whole file, its papers and history. */
  ownedOrHandled(caller: Caller, permitId: string): PermitView {
    const permit = this.readable(caller, permitId);
    if (!isApplicantOrStaff(caller, permit)) throw permitNotFound(permitId);
    return permit;
  }

  /** The file as the caller may see it (see `seenBy`). */
  view(caller: Caller, permitId: string): PermitView {
    return seenBy(caller, this.readable(caller, permitId));
  }
}
