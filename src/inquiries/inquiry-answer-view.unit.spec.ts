import {
  answerDocumentBody,
  answerDocumentKind,
  answerView,
  findingsView,
  type InquiryAnswer,
} from './inquiry-answer-view.js';
import type { InquiryFindings } from './inquiry.events.js';

const permitId = '0192f3a4-0000-7000-8000-000000000001';
const findings: InquiryFindings = {
  reasons: [
    { code: 'UNPAID_RENEWAL_DUES', text: 'dues' },
    { code: 'OPEN_VIOLATION', text: 'violation', permitId, violations: ['a fourth floor'] },
  ],
  amountsDue: [
    { item: 'renewal_dues', amount: 500_000, year: 1405 },
    { item: 'permit_fees', amount: 1_000_000, permitId },
  ],
};
const blocked: InquiryAnswer = { outcome: 'blocked', ...findings };
const cleared: InquiryAnswer = { outcome: 'cleared', reasons: [], amountsDue: [] };

describe('what each requester may know of an answer', () => {
  it('tells a notary office or bank the reasons and amounts due, not what the inspector found', () => {
    for (const kind of ['Transfer', 'Bank'] as const) {
      expect(answerView(kind, blocked, 'requester')).toEqual({
        outcome: 'blocked',
        reasons: [
          { code: 'UNPAID_RENEWAL_DUES', text: 'dues' },
          { code: 'OPEN_VIOLATION', text: 'violation', permitId },
        ],
        amountsDue: findings.amountsDue,
        amountDue: 1_500_000,
      });
    }
  });

  it('tells a utility whether it may connect, and nothing of the owner’s debts', () => {
    expect(answerView('Utility', blocked, 'requester')).toEqual({
      outcome: 'blocked',
      connectionAllowed: false,
    });
    expect(answerView('Utility', cleared, 'requester')).toEqual({
      outcome: 'cleared',
      connectionAllowed: true,
    });
    expect(findingsView('Utility', findings, 'requester')).toEqual({});
  });

  it('shows the citizen asking for a no-violation certificate the violations', () => {
    expect(answerView('NoViolation', blocked, 'requester').reasons?.[1]).toEqual(findings.reasons[1]);
  });

  it('shows staff everything', () => {
    expect(answerView('Utility', blocked, 'staff')).toEqual({
      outcome: 'blocked',
      connectionAllowed: false,
      ...findings,
      amountDue: 1_500_000,
    });
  });

  it('says nothing more of a cleared answer', () => {
    expect(answerView('Transfer', cleared, 'requester')).toEqual({ outcome: 'cleared' });
  });

  it('puts into the signed document exactly what the requester may know, under the public field names', () => {
    const inquiry = { inquiryId: 'i-1', kind: 'Utility' as const, requesterReference: 'W-7' };
    expect(answerDocumentBody(inquiry, blocked)).toEqual({
      inquiryId: 'i-1',
      inquiryKind: 'Utility',
      requesterReference: 'W-7',
      outcome: 'blocked',
      connectionAllowed: false,
    });
  });

  it('prints the tracking number on the answer of an inquiry that has one', () => {
    const inquiry = { inquiryId: 'i-1', kind: 'Transfer' as const, requesterReference: 'N-7' };
    expect(answerDocumentBody({ ...inquiry, trackingNumber: '4765744111' }, cleared)).toEqual({
      inquiryId: 'i-1',
      trackingNumber: '4765744111',
      inquiryKind: 'Transfer',
      requesterReference: 'N-7',
      outcome: 'cleared',
    });
  });

  it('certifies a cleared no-violation inquiry; every other answer is an inquiry answer', () => {
    expect(answerDocumentKind('NoViolation', 'cleared')).toBe('NoViolationCertificate');
    expect(answerDocumentKind('NoViolation', 'blocked')).toBe('InquiryAnswer');
    expect(answerDocumentKind('Transfer', 'cleared')).toBe('InquiryAnswer');
  });
});
