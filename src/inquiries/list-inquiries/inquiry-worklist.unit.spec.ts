import type { Principal } from '../../identity/principal.js';
import type { Grant } from '../../identity/roles.js';
import { inquiryWorklist, isOverdue } from './inquiry-worklist.js';

const person = (grant: Grant, nationalId?: string): [Principal, Grant] => [
  {
    kind: 'user',
    id: 'user-1',
    displayName: 'someone',
    grants: [grant],
    authenticatedBy: 'password_token',
    ...(nationalId ? { nationalId } : {}),
  },
  grant,
];

describe('inquiry worklists', () => {
  it('gives clerks the municipality’s inquiries awaiting a clerk, the nearest deadline first', () => {
    expect(inquiryWorklist(...person({ role: 'clerk', municipality: 'hamedan' }), undefined, {})).toEqual({
      where: { municipality: 'hamedan', status: 'awaiting_clerk' },
      orderBy: 'dueAt',
      descending: false,
    });
  });

  it('limits a clerk of some regions to them, and lets oversight see every status', () => {
    const clerk = person({ role: 'clerk', municipality: 'hamedan', regions: ['2'] });
    expect(inquiryWorklist(...clerk, 'answered', {})).toMatchObject({
      where: { status: 'answered' },
      regions: ['2'],
    });
    expect(
      inquiryWorklist(...person({ role: 'oversight', municipality: 'hamedan' }), undefined, {})?.where,
    ).toEqual({
      municipality: 'hamedan',
      status: undefined,
    });
  });

  it('gives a counter office the inquiries of the citizen it acts for, and none of its own', () => {
    const counter = person({ role: 'counter_office', organisation: 'counter-office-3' });
    expect(inquiryWorklist(...counter, undefined, {}, '0013542419')).toEqual({
      where: { requesterNationalId: '0013542419', status: undefined },
      orderBy: 'filedAt',
      descending: true,
    });
    expect(inquiryWorklist(...counter, undefined, {})).toBeUndefined();
  });

  it('gives an organisation its own inquiries and a citizen theirs, the latest first, whatever the filters ask', () => {
    const notary = person({ role: 'notary', organisation: 'notary-office-12' });
    expect(
      inquiryWorklist(...notary, undefined, { organisation: 'another-office', kind: 'Transfer' }),
    ).toEqual({
      where: { organisation: 'notary-office-12', kind: 'Transfer', status: undefined },
      orderBy: 'filedAt',
      descending: true,
    });
    expect(inquiryWorklist(...person({ role: 'citizen' }, '0013542419'), undefined, {})?.where).toEqual({
      requesterNationalId: '0013542419',
      status: undefined,
    });
    expect(inquiryWorklist(...person({ role: 'citizen' }), undefined, {})).toBeUndefined();
  });

  it('flags an inquiry not answered by its deadline as overdue', () => {
    const dueAt = '2026-11-28T08:00:00.000Z';
    expect(isOverdue({ status: 'awaiting_clerk', dueAt }, '2026-11-28T08:00:00.001Z')).toBe(true);
    expect(isOverdue({ status: 'checking', dueAt }, '2026-11-28T08:00:00.000Z')).toBe(false);
    expect(isOverdue({ status: 'answered', dueAt }, '2026-12-30T00:00:00.000Z')).toBe(false);
  });
});
