import type { Actor, RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { DaftarEvent } from '../daftar-events.js';
import { activityRows } from './activity.js';
import { afterHoursRow } from './after-hours.js';
import { conflictOf, partiesOf } from './conflicts.js';
import { loginFactOf, loginFindings } from './logins.js';
import { knownUserAfter, ownersNamed } from './people.js';
import { reportFacts, trackedIdOf, type TrackedFile } from './report-facts.js';
import { periodsOf } from './turnaround.js';
import { DEFAULT_WORKING_HOURS, parseWorkingHours } from './working-hours.js';

let n = 0;
const event = (
  type: string,
  data: object,
  at: string,
  actor: Actor = { id: 'clerk-1', role: 'clerk', municipality: 'hamedan' },
) =>
  ({
    id: `e${++n}`,
    type,
    stream: data && 'inquiryId' in data ? `inquiry-${String(data.inquiryId)}` : 'permit-p1',
    revision: 0n,
    position: String(n),
    data,
    metadata: { actor, correlationId: 'c', causationId: 'c', recordedAt: at, schemaVersion: 1 },
  }) as unknown as RecordedEvent<DaftarEvent>;

/** Folds events as the subscriber does, collecting every fact. */
function fold(events: readonly RecordedEvent<DaftarEvent>[]) {
  const files = new Map<string, TrackedFile>();
  return events.map((e) => {
    const id = trackedIdOf(e);
    const facts = reportFacts(id === undefined ? undefined : files.get(id), e);
    if (facts.file) files.set(facts.file.id, facts.file);
    return facts;
  });
}

const citizen = { id: 'u-citizen', role: 'citizen' };
const opened = event(
  'PermitDraftOpened',
  {
    permitId: 'p1',
    municipality: 'hamedan',
    renewalCode: '2-1-1-1-0-0-0',
    applicationType: 'NewConstruction',
    applicantNationalId: '0012345678',
  },
  '2026-12-01T05:00:00Z',
  citizen,
);

describe('the facts of the oversight reports', () => {
  it('times each permit stage from entering to leaving it, naming who ended it', () => {
    const facts = fold([
      opened,
      event('PermitSubmitted', { permitId: 'p1' }, '2026-12-01T06:00:00Z', citizen),
      event('PermitTaken', { permitId: 'p1', clerkId: 'clerk-1' }, '2026-12-01T08:30:00Z'),
      event(
        'PermitReturned',
        { permitId: 'p1', reasons: [{ reason: 'سند ناخوانا', documentKind: 'ownership_deed' }] },
        '2026-12-02T08:30:00Z',
      ),
    ]);
    expect(facts.flatMap((f) => (f.ended ? [f.ended] : []))).toEqual([
      expect.objectContaining({ stage: 'draft', seconds: 3600, clerkId: 'u-citizen', region: '2' }),
      expect.objectContaining({ stage: 'submitted', seconds: 9000, clerkId: 'clerk-1' }),
      expect.objectContaining({ stage: 'under_review', seconds: 86_400, clerkId: 'clerk-1' }),
    ]);
    expect(facts[3]!.returns).toEqual([
      expect.objectContaining({
        clerkId: 'clerk-1',
        what: 'permit',
        reason: 'سند ناخوانا',
        documentKind: 'ownership_deed',
      }),
    ]);
    expect(facts[3]!.file).toMatchObject({ stage: 'returned', open: true, clerkId: 'clerk-1' });
  });

  it('lists a fee override with the amounts and the reason, and a design override with its rules', () => {
    const files = fold([opened])[0]!.file!;
    const fee = reportFacts(
      { ...files, stage: 'fees_assessed' },
      event(
        'FeeOverridden',
        { permitId: 'p1', line: 'permit_fee', from: 5000, to: 4000, reason: 'تخفیف', total: 4000 },
        '2026-12-03T09:00:00Z',
      ),
    );
    expect(fee.override).toMatchObject({
      kind: 'fee',
      permitId: 'p1',
      fromRials: 5000,
      toRials: 4000,
      reason: 'تخفیف',
      actorId: 'clerk-1',
    });
    const design = reportFacts(
      { ...files, stage: 'design_submitted' },
      event(
        'DesignApproved',
        { permitId: 'p1', override: { violations: [{ rule: 'MAX_FLOORS' }], reason: 'precedent' } },
        '2026-12-03T09:00:00Z',
      ),
    );
    expect(design.override).toMatchObject({ kind: 'design', rules: ['MAX_FLOORS'], reason: 'precedent' });
  });

  it('times an inquiry from filing to answer; an automatic answer is nobody’s', () => {
    const filed = event(
      'InquiryFiled',
      {
        inquiryId: 'q1',
        kind: 'Transfer',
        municipality: 'hamedan',
        renewalCode: '1-1-1-1-0-0-0',
        dueAt: '2026-12-04T00:00:00Z',
        requester: { organisation: 'notary-12' },
      },
      '2026-12-01T00:00:00Z',
      { id: 'notary', role: 'notary' } as never,
    );
    const answered = event(
      'InquiryAnswered',
      { inquiryId: 'q1', answeredBy: 'automatic', outcome: 'cleared', reasons: [], amountsDue: [] },
      '2026-12-01T00:00:02Z',
      { id: 'system', role: 'system' } as never,
    );
    const [, facts] = fold([filed, answered]);
    expect(facts!.ended).toMatchObject({
      process: 'inquiry',
      stage: 'Transfer',
      seconds: 2,
      clerkId: 'automatic',
    });
    expect(facts!.file).toMatchObject({ open: false });
  });

  it('counts staff actions on the Tehran clock, not citizens’', () => {
    const [draft, taken] = fold([
      opened,
      event('PermitTaken', { permitId: 'p1', clerkId: 'clerk-1' }, '2026-12-01T20:45:00Z'),
    ]);
    expect(draft!.action).toBeUndefined();
    expect(taken!.action).toMatchObject({
      tehranDay: '2026-12-02',
      tehranTime: '00:15',
      hour: 0,
      weekday: 'wed',
    });
    const counted = activityRows([{ hour: 0, count: 1 }], [{ day: '2026-12-02', count: 1 }]);
    expect(counted.filter((r) => r.by === 'hour')).toHaveLength(24);
    expect(counted.filter((r) => r.count > 0)).toEqual([
      { by: 'hour', bucket: '00', count: 1 },
      { by: 'day', bucket: '2026-12-02', count: 1 },
    ]);
  });
});

describe('the periods of turnaround series', () => {
  it('are the Jalali month and the ISO week of the Tehran day', () => {
    expect(periodsOf('2026-12-01T10:00:00Z')).toEqual({ month: '1405-09', week: '2026-W49' });
    expect(periodsOf('2026-12-31T10:00:00Z').week).toBe('2026-W53');
    // 22:00 UTC on 31 December is already 1 January in Tehran.
    expect(periodsOf('2026-12-31T22:00:00Z')).toEqual({ month: '1405-10', week: '2026-W53' });
    expect(periodsOf('2027-01-04T10:00:00Z').week).toBe('2027-W01');
  });
});

describe('working hours and the after-hours report', () => {
  const hours = parseWorkingHours(DEFAULT_WORKING_HOURS);

  it('parses day ranges and single days into minutes of the Tehran day', () => {
    expect(hours).toEqual({
      sat: { from: 420, to: 870 },
      sun: { from: 420, to: 870 },
      mon: { from: 420, to: 870 },
      tue: { from: 420, to: 870 },
      wed: { from: 420, to: 870 },
      thu: { from: 420, to: 750 },
    });
    expect(parseWorkingHours('fri 00:00-24:00')).toEqual({ fri: { from: 0, to: 1440 } });
  });

  it.each([
    '',
    'sat-wed 07:00-14:30,',
    'wed-sat 07:00-14:30',
    'sat 14:30-07:00',
    'sat 07:00-25:00',
    'sat 7:00-14:30',
    'sat-wed 07:00-14:30; wed 15:00-16:00',
    'mon 07:00-14:60',
    'Sat 07:00-14:30',
  ])('refuses %j', (text) => {
    expect(() => parseWorkingHours(text)).toThrow(RangeError);
  });

  it('shows an action outside the hours on the Tehran clock', () => {
    const [, taken] = fold([
      opened,
      event('PermitTaken', { permitId: 'p1', clerkId: 'clerk-1' }, '2026-12-04T06:00:00Z'),
    ]);
    expect(afterHoursRow(taken!.action!)).toMatchObject({
      tehranTime: '2026-12-04 09:30',
      weekday: 'fri',
      eventType: 'PermitTaken',
      actorId: 'clerk-1',
      municipality: 'hamedan',
    });
  });
});

describe('conflicts of interest', () => {
  const taken = event('PermitTaken', { permitId: 'p1', clerkId: 'clerk-1' }, '2026-12-01T08:00:00Z');
  const [draft, take] = fold([opened, taken]);

  it('finds staff acting on a file they applied for, or on a parcel they own, by national id', () => {
    const parties = partiesOf(taken, draft!.file)!;
    expect(parties).toEqual({
      subject: 'p1',
      parcel: { municipality: 'hamedan', renewalCode: '2-1-1-1-0-0-0' },
      region: '2',
      applicantNationalId: '0012345678',
    });
    expect(conflictOf(take!.action!, parties, '0012345678', [])).toMatchObject({
      relation: 'applicant',
      subject: 'p1',
      actorId: 'clerk-1',
      eventType: 'PermitTaken',
    });
    expect(conflictOf(take!.action!, parties, '0099999999', ['0099999999'])?.relation).toBe('owner');
    expect(conflictOf(take!.action!, parties, '0099999999', ['0011111111'])).toBeUndefined();
    expect(conflictOf(take!.action!, parties, undefined, [])).toBeUndefined();
    expect(draft!.file).toMatchObject({ applicantNationalId: '0012345678', renewalCode: '2-1-1-1-0-0-0' });
  });

  it('takes a parcel event’s subject and owners from the parcel, in its municipality', () => {
    const changed = {
      ...event(
        'ParcelOwnershipChanged',
        {
          municipality: 'hamedan',
          renewalCode: '3-1-1-1-0-0-0',
          owners: [{ nationalId: '0099999999', name: 'x', sharePct: 100 }],
          reason: 'sale',
        },
        '2026-12-01T08:00:00Z',
      ),
      stream: 'parcel-hamedan-3-1-1-1-0-0-0',
    };
    expect(partiesOf(changed, undefined)).toEqual({
      subject: '3-1-1-1-0-0-0',
      parcel: { municipality: 'hamedan', renewalCode: '3-1-1-1-0-0-0' },
      region: '3',
    });
    expect(ownersNamed(changed)).toEqual({
      parcel: { municipality: 'hamedan', renewalCode: '3-1-1-1-0-0-0' },
      nationalIds: ['0099999999'],
    });
  });

  it('keeps a user’s national id and municipal grants, following grants and revocations', () => {
    const admin = { id: 'admin', role: 'admin' } as never;
    const created = knownUserAfter(
      undefined,
      event(
        'UserCreated',
        {
          userId: 'u1',
          username: 'r.karimi',
          displayName: 'Reza',
          nationalId: '0012345678',
          grants: [
            { role: 'clerk', municipality: 'hamedan' },
            { role: 'oversight', province: 'hamedan' },
          ],
        },
        '2026-12-01T08:00:00Z',
        admin,
      ),
    );
    expect(created).toMatchObject({
      nationalId: '0012345678',
      grants: [{ role: 'clerk', municipality: 'hamedan' }],
    });
    const grant = { role: 'surveyor', municipality: 'malayer', regions: ['2'] };
    const granted = knownUserAfter(
      created,
      event('RoleGranted', { userId: 'u1', grant }, '2026-12-02', admin),
    );
    expect(granted!.grants).toHaveLength(2);
    const revoked = knownUserAfter(
      granted,
      event('RoleRevoked', { userId: 'u1', grant, reason: 'moved' }, '2026-12-03', admin),
    );
    expect(revoked!.grants).toEqual([{ role: 'clerk', municipality: 'hamedan' }]);
  });
});

describe('the sign-in findings', () => {
  const system = { id: 'system', role: 'system' } as never;
  const users: Record<string, string> = { clerk: 'u-clerk', surveyor: 'u-surveyor' };
  const facts = (events: RecordedEvent<DaftarEvent>[]) =>
    events.flatMap((e) => loginFactOf(e, (name) => users[name]) ?? []);
  const failed = (username: string, at: string, address = '10.0.0.1', reason = 'wrong_password') =>
    event('LoginFailed', { username, address, reason }, at, system);
  const minute = (m: number) => new Date(Date.UTC(2026, 11, 1, 8, m)).toISOString();

  it('finds five failures for one username within 15 minutes, and not four, nor five spread wider', () => {
    const burst = facts([0, 3, 6, 9, 12].map((m) => failed('clerk', minute(m))));
    expect(loginFindings(burst, []).filter((r) => r.userId)).toEqual([
      {
        finding: 'failure_burst',
        username: 'clerk',
        userId: 'u-clerk',
        from: minute(0),
        to: minute(12),
        count: 5,
        addresses: 1,
      },
    ]);
    expect(loginFindings(burst.slice(1), [])).toEqual([]);
    expect(loginFindings(facts([0, 4, 8, 12, 16].map((m) => failed('clerk', minute(m * 1.5)))), [])).toEqual(
      [],
    );
  });

  it('finds a burst from one address across usernames; unknown usernames belong to nobody', () => {
    const found = loginFindings(
      facts([
        failed('clerk', minute(0)),
        failed('surveyor', minute(1)),
        failed('clerk', minute(2)),
        failed('surveyor', minute(3)),
        failed('nobody', minute(4), '10.0.0.1', 'unknown_user'),
        failed('surveyor', minute(4)),
      ]),
      [],
    );
    expect(found).toEqual([
      {
        finding: 'failure_burst',
        address: '10.0.0.1',
        from: minute(0),
        to: minute(4),
        count: 5,
        addresses: 1,
      },
    ]);
  });

  it('counts refused attempts in bursts, lists locks, and adds the users seen from many addresses', () => {
    const throttled = event(
      'LoginAttemptsThrottled',
      {
        username: 'clerk',
        attempts: 7,
        addresses: [{ address: '10.0.0.9', attempts: 7 }],
        windowStart: minute(1),
        windowEnd: minute(2),
        locked: true,
      },
      minute(3),
      system,
    );
    const many = {
      finding: 'many_addresses' as const,
      username: 'surveyor',
      userId: 'u-surveyor',
      from: minute(0),
      to: minute(30),
      count: 3,
      addresses: 3,
    };
    expect(
      loginFindings(facts([throttled]), [many]).map((r) => [
        r.finding,
        r.username ?? r.address,
        r.count,
        r.addresses,
      ]),
    ).toEqual([
      ['many_addresses', 'surveyor', 3, 3],
      ['failure_burst', 'clerk', 7, 1],
      ['failure_burst', '10.0.0.9', 7, 1],
      ['locked', 'clerk', 7, 1],
    ]);
  });
});
