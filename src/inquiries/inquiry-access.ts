import { Injectable } from '@nestjs/common';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { RecordScope } from '../identity/record-access.js';
import type { Role } from '../identity/roles.js';
import type { InquiryKind } from '../rule-sets/rule-set.js';
import type { Audience } from './inquiry-answer-view.js';
import { inquiryNotFound } from './inquiry.decider.js';
import { InquiriesReadModel, type InquiryView } from './inquiries.read-model.js';

/** The one kind each requester role files: notary offices transfers, banks collateral, utilities connections. */
export const KIND_OF_ROLE: Readonly<Partial<Record<Role, InquiryKind>>> = {
  notary: 'Transfer',
  bank: 'Bank',
  utility: 'Utility',
  citizen: 'NoViolation',
  // A counter office (دفتر پیشخوان) files it for the citizen it acts for.
  counter_office: 'NoViolation',
};
export const INQUIRY_FILERS = Object.keys(KIND_OF_ROLE) as Role[];
/** Requesters read their own; clerks and oversight those of their municipality. */
export const INQUIRY_READERS: readonly Role[] = [...INQUIRY_FILERS, 'clerk', 'oversight'];

export const inquiryScope = (inquiry: InquiryView): RecordScope => ({
  municipality: inquiry.municipality,
  region: inquiry.region,
  ...(inquiry.organisation ? { organisation: inquiry.organisation } : {}),
  ...(inquiry.requesterNationalId ? { ownerNationalIds: [inquiry.requesterNationalId] } : {}),
});

export const audienceOf = (caller: Caller, inquiry: InquiryView): Audience =>
  caller.accessTo(inquiryScope(inquiry)) === 'staff' ? 'staff' : 'requester';

/** Each organisation sees its own inquiries, a citizen theirs, staff their municipality's; others get 404. */
@Injectable()
export class InquiryAccess {
  constructor(private readonly inquiries: InquiriesReadModel) {}

  readable(caller: Caller, inquiryId: string): InquiryView {
    const inquiry = this.inquiries.get(inquiryId);
    if (!inquiry || caller.accessTo(inquiryScope(inquiry)) === 'none') throw inquiryNotFound(inquiryId);
    return inquiry;
  }

  /** For the municipality's staff only (answering). */
  handledBy(caller: Caller, inquiryId: string): InquiryView {
    const inquiry = this.readable(caller, inquiryId);
    if (audienceOf(caller, inquiry) !== 'staff') throw inquiryNotFound(inquiryId);
    return inquiry;
  }
}
