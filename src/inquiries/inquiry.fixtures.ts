import type { InquiryCommand } from './inquiry.commands.js';
import type { InquiryEvent, InquiryFindings } from './inquiry.events.js';

/** Shared by the decider, view and projection specs: one notary office's transfer inquiry. */
export const inquiryId = '0192f3a4-5b6c-7d8e-9f00-112233445566';
export const filedAt = '2026-11-25T08:00:00.000Z';

export const fileCommand: Extract<InquiryCommand, { type: 'FileInquiry' }> = {
  type: 'FileInquiry',
  data: {
    inquiryId,
    kind: 'Transfer',
    municipality: 'hamedan',
    renewalCode: '1-1-1-2-0-0-0',
    requester: { organisation: 'notary-office-12' },
    requesterReference: 'N12-1405-0001',
    purpose: 'sale of the property',
    trackingNumber: '4765744111',
    at: filedAt,
    deadlineDays: 3,
    allowedKind: 'Transfer',
    parcelOwners: ['0013542419'],
  },
};

const {
  at: _at,
  deadlineDays: _days,
  allowedKind: _kind,
  parcelOwners: _owners,
  ...filing
} = fileCommand.data;
export const filed: InquiryEvent = {
  type: 'InquiryFiled',
  data: { ...filing, dueAt: '2026-11-28T08:00:00.000Z' },
};

export const unpaidDues: InquiryFindings = {
  reasons: [{ code: 'UNPAID_RENEWAL_DUES', text: 'عوارض نوسازی سال 1405 پرداخت نشده است' }],
  amountsDue: [{ item: 'renewal_dues', amount: 500_000, year: 1405 }],
};

export const referred: InquiryEvent = { type: 'InquiryReferred', data: { inquiryId, ...unpaidDues } };

export const clearedAutomatically: InquiryEvent = {
  type: 'InquiryAnswered',
  data: { inquiryId, outcome: 'cleared', answeredBy: 'automatic', reasons: [], amountsDue: [] },
};
