import { given } from '../../test/support/given.js';
import type { InquiryCommand } from './inquiry.commands.js';
import type { InquiryEvent } from './inquiry.events.js';
import { inquiryDecider } from './inquiry.decider.js';
import {
  clearedAutomatically,
  fileCommand,
  filed,
  inquiryId,
  referred,
  unpaidDues,
} from './inquiry.fixtures.js';

const check = (findings = unpaidDues): InquiryCommand => ({
  type: 'CheckInquiry',
  data: { inquiryId, ...findings },
});
const clear = check({ reasons: [], amountsDue: [] });
const answer = (
  data: Partial<Extract<InquiryCommand, { type: 'AnswerInquiry' }>['data']>,
): InquiryCommand => ({
  type: 'AnswerInquiry',
  data: { inquiryId, outcome: 'blocked', reasons: ['The owner has not paid'], ...data },
});

describe('inquiry decider', () => {
  describe('FileInquiry', () => {
    it('files the inquiry, due the rule set’s days after the filing', () => {
      expect(given(inquiryDecider).when(fileCommand)).toEqual([filed]);
    });

    it('refuses a kind the filer does not file', () => {
      const bank = { ...fileCommand, data: { ...fileCommand.data, kind: 'Bank' as const } };
      expect(given(inquiryDecider).when(bank)).toMatchObject({
        code: 'INQUIRY.KIND_NOT_ALLOWED',
        kind: 'forbidden',
        details: { allowed: 'Transfer' },
      });
      const { allowedKind: _, ...data } = fileCommand.data;
      expect(given(inquiryDecider).when({ ...fileCommand, data })).toMatchObject({
        code: 'INQUIRY.KIND_NOT_ALLOWED',
      });
    });

    const citizenFiling = (nationalId: string) => ({
      ...fileCommand,
      data: {
        ...fileCommand.data,
        kind: 'NoViolation' as const,
        allowedKind: 'NoViolation' as const,
        requester: { nationalId },
      },
    });

    it('files a citizen’s inquiry about a parcel they own', () => {
      expect(given(inquiryDecider).when(citizenFiling('0013542419'))).toMatchObject([
        { type: 'InquiryFiled', data: { requester: { nationalId: '0013542419' } } },
      ]);
    });

    it('refuses a citizen’s inquiry about a parcel they do not own', () => {
      expect(given(inquiryDecider).when(citizenFiling('0084575948'))).toMatchObject({
        code: 'INQUIRY.NOT_PARCEL_OWNER',
        kind: 'forbidden',
      });
    });

    it('answers a citizen’s repeated filing with the inquiry it made, even after the parcel was sold', () => {
      const [first] = given(inquiryDecider).when(citizenFiling('0013542419')) as InquiryEvent[];
      const sold = {
        ...citizenFiling('0013542419'),
        data: { ...citizenFiling('0013542419').data, parcelOwners: ['0084575948'] },
      };
      expect(given(inquiryDecider, first!).when(sold)).toEqual([]);
    });

    it('decides nothing when the same inquiry is filed again', () => {
      expect(given(inquiryDecider, filed, referred).when(fileCommand)).toEqual([]);
    });

    it('refuses the same reference for another parcel or kind', () => {
      const other = { ...fileCommand, data: { ...fileCommand.data, renewalCode: '1-1-1-1-0-0-0' } };
      expect(given(inquiryDecider, filed).when(other)).toMatchObject({
        code: 'INQUIRY.REFERENCE_USED',
        kind: 'conflict',
      });
    });

    it.each([
      ['a time that is not an instant', { at: 'yesterday' }, 'INQUIRY.INVALID_TIME'],
      ['a deadline of no days', { deadlineDays: 0 }, 'INQUIRY.INVALID_DEADLINE'],
      ['a blank reference', { requesterReference: ' ' }, 'INQUIRY.INVALID_FILING'],
      ['a blank purpose', { purpose: '' }, 'INQUIRY.INVALID_FILING'],
    ])('refuses %s', (_why, change, code) => {
      const command = { ...fileCommand, data: { ...fileCommand.data, ...change } };
      expect(given(inquiryDecider).when(command)).toMatchObject({ code, kind: 'invalid' });
    });
  });

  describe('CheckInquiry', () => {
    it('answers a clear parcel at once, automatically', () => {
      expect(given(inquiryDecider, filed).when(clear)).toEqual([clearedAutomatically]);
    });

    it('refers what stands in the way to the clerk', () => {
      expect(given(inquiryDecider, filed).when(check())).toEqual([referred]);
    });

    it('decides nothing when the findings are unchanged, and refers them again when they change', () => {
      expect(given(inquiryDecider, filed, referred).when(check())).toEqual([]);
      const less = { ...unpaidDues, amountsDue: [{ item: 'renewal_dues' as const, amount: 1, year: 1405 }] };
      expect(given(inquiryDecider, filed, referred).when(check(less))).toEqual([
        { type: 'InquiryReferred', data: { inquiryId, ...less } },
      ]);
    });

    it('clears an inquiry waiting for the clerk once the parcel is clear', () => {
      expect(given(inquiryDecider, filed, referred).when(clear)).toEqual([clearedAutomatically]);
    });

    it('leaves an answered inquiry alone', () => {
      expect(given(inquiryDecider, filed, clearedAutomatically).when(check())).toEqual([]);
    });

    it('does not know an inquiry never filed', () => {
      expect(given(inquiryDecider).when(clear)).toMatchObject({
        code: 'INQUIRY.NOT_FOUND',
        kind: 'not_found',
      });
    });
  });

  describe('AnswerInquiry', () => {
    it('blocks with the checks’ reasons, then the clerk’s, keeping the amounts found', () => {
      expect(given(inquiryDecider, filed, referred).when(answer({}))).toEqual([
        {
          type: 'InquiryAnswered',
          data: {
            inquiryId,
            outcome: 'blocked',
            answeredBy: 'clerk',
            reasons: [...unpaidDues.reasons, { code: 'CLERK', text: 'The owner has not paid' }],
            amountsDue: unpaidDues.amountsDue,
          },
        },
      ]);
    });

    it('takes the clerk’s amounts instead of the checks’', () => {
      const amountsDue = [{ item: 'renewal_dues' as const, amount: 750_000, year: 1405 }];
      expect(given(inquiryDecider, filed, referred).when(answer({ amountsDue }))).toMatchObject([
        { data: { amountsDue } },
      ]);
    });

    it('clears with no reasons and nothing due', () => {
      expect(
        given(inquiryDecider, filed, referred).when(answer({ outcome: 'cleared', reasons: [] })),
      ).toEqual([
        {
          type: 'InquiryAnswered',
          data: { inquiryId, outcome: 'cleared', answeredBy: 'clerk', reasons: [], amountsDue: [] },
        },
      ]);
    });

    it.each([
      ['a block without reasons', { reasons: [] }, 'INQUIRY.REASON_REQUIRED'],
      ['a blank reason', { reasons: ['  '] }, 'INQUIRY.INVALID_ANSWER'],
      ['a clearance with reasons', { outcome: 'cleared' as const }, 'INQUIRY.INVALID_ANSWER'],
      [
        'a fractional amount',
        { amountsDue: [{ item: 'fine' as const, amount: 0.5 }] },
        'INQUIRY.INVALID_ANSWER',
      ],
    ])('refuses %s', (_why, change, code) => {
      expect(given(inquiryDecider, filed, referred).when(answer(change))).toMatchObject({
        code,
        kind: 'invalid',
      });
    });

    it('refuses an inquiry still being checked, or answered already', () => {
      expect(given(inquiryDecider, filed).when(answer({}))).toMatchObject({
        code: 'INQUIRY.NOT_AWAITING_CLERK',
        details: { status: 'checking' },
      });
      expect(given(inquiryDecider, filed, clearedAutomatically).when(answer({}))).toMatchObject({
        code: 'INQUIRY.ALREADY_ANSWERED',
        kind: 'conflict',
      });
    });
  });
});
