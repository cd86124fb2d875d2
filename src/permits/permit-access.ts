import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { RecordScope } from '../identity/record-access.js';
import { MUNICIPAL_ROLES, type Role } from '../identity/roles.js';
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

/** The applicant (or a counter office acting for them), or staff of the file's municipality. */
function isApplicantOrStaff(caller: Caller, permit: PermitView): boolean {
  const access = caller.accessTo(permitScope(permit));
  return access === 'owner' || access === 'staff';
}

/**
 * The applicant (or a counter office acting for them) and the municipality's staff read a file; an
 * engineer reads the files the applicant nominated their engineering office for, and a file nominated
 * to nobody whose design they submitted (made before nominations were asked for).
 */
export function mayRead(caller: Caller, permit: PermitView): boolean {
  if (isApplicantOrStaff(caller, permit)) return true;
  const principal = caller.principal;
  const offices = principal?.grants.filter((g) => g.role === 'engineer').map((g) => g.organisation);
  if (!principal || !offices?.length) return false;
  return permit.nominee
    ? offices.includes(permit.nominee.organisation)
    : permit.design?.engineerId === principal.id;
}

/**
 * The file as the caller may see it: an engineer, who designs for it without being its applicant's
 * agent, sees the map order and the design but not who applies, their papers or their payments.
 */
export function seenBy(caller: Caller, permit: PermitView): PermitView {
  if (isApplicantOrStaff(caller, permit)) return permit;
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
    if (!permit || !mayRead(caller, permit)) throw permitNotFound(permitId);
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
