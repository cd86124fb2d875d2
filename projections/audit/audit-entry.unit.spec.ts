import type { Actor, RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { DaftarEvent } from '../daftar-events.js';
import { auditEntry, EMPTY_CONTEXT, type StreamContext } from './audit-entry.js';

const clerk: Actor = { id: 'user-clerk', role: 'clerk', municipality: 'hamedan' };
const notary: Actor = { id: 'apikey-1', role: 'notary', office: 'notary-12', onBehalfOf: '0013542419' };

function recorded(
  stream: string,
  event: { type: string; data: unknown },
  actor: Actor,
): RecordedEvent<DaftarEvent> {
  return {
    id: `e-${event.type}`,
    stream,
    revision: 0n,
    position: '1',
    ...event,
    metadata: {
      actor,
      correlationId: 'c',
      causationId: 'c',
      recordedAt: '2026-12-03T08:00:00.000Z',
      schemaVersion: 1,
    },
  } as RecordedEvent<DaftarEvent>;
}

describe('the audit entry of an event', () => {
  it('carries a permit’s place and subjects from its draft to its later events', () => {
    const opened = auditEntry(
      recorded(
        'permit-p1',
        {
          type: 'PermitDraftOpened',
          data: {
            permitId: 'p1',
            municipality: 'hamedan',
            renewalCode: '2-1-1-1-0-0-0',
            applicationType: 'NewConstruction',
            applicantNationalId: '0013542419',
          },
        },
        notary,
      ),
      EMPTY_CONTEXT,
    );
    expect(opened.entry).toMatchObject({
      municipality: 'hamedan',
      region: '2',
      office: 'notary-12',
      onBehalfOf: '0013542419',
      category: 'permit',
      subjects: ['permit:p1', 'renewal:2-1-1-1-0-0-0', 'national:0013542419'],
    });
    const taken = auditEntry(
      recorded('permit-p1', { type: 'PermitTaken', data: { permitId: 'p1', clerkId: 'user-clerk' } }, clerk),
      opened.context,
    );
    expect(taken.entry).toMatchObject({
      municipality: 'hamedan',
      region: '2',
      subjects: ['permit:p1', 'renewal:2-1-1-1-0-0-0', 'national:0013542419', 'user:user-clerk'],
    });
    expect(taken.context).toEqual(opened.context);
  });

  it('places an event with no place of its own where its actor’s grant is', () => {
    const { entry } = auditEntry(
      recorded(
        'ruleset-x',
        { type: 'AuditQueried', data: { query: 'events', filters: {}, results: 1 } },
        clerk,
      ),
      EMPTY_CONTEXT,
    );
    expect(entry).toMatchObject({ municipality: 'hamedan', subjects: [] });
    expect(entry).not.toHaveProperty('region');
  });

  it('logs an event of a type it does not know with its actor and stream, keeping the stream’s place', () => {
    const context: StreamContext = { municipality: 'hamedan', subjects: ['permit:p-1'] };
    const { entry, context: after } = auditEntry(
      recorded('permit-p-1', { type: 'SomethingNewer', data: { any: 'shape' } }, clerk),
      context,
    );
    expect(entry).toMatchObject({
      type: 'SomethingNewer',
      stream: 'permit-p-1',
      actorId: 'user-clerk',
      municipality: 'hamedan',
      subjects: ['permit:p-1'],
    });
    expect(after).toEqual(context);
  });

  it('places a read where the record read is, its region too, and leaves nothing to the reader’s stream', () => {
    const read = (data: object) =>
      recorded(
        'access-r1',
        {
          type: 'AccessRecorded',
          data: { what: 'permit_file', subject: 'p1', citizens: [], purpose: 'p', ...data },
        },
        clerk,
      );
    const first = auditEntry(read({ municipality: 'malayer', region: '2' }), EMPTY_CONTEXT);
    expect(first.entry).toMatchObject({ municipality: 'malayer', region: '2' });
    expect(first.context).toEqual(EMPTY_CONTEXT);
    // A read of no place (an older record) is its reader's city whole, not the last read's region.
    const placeless = auditEntry(read({}), { municipality: 'malayer', region: '2', subjects: [] });
    expect(placeless.entry).toMatchObject({ municipality: 'hamedan' });
    expect(placeless.entry).not.toHaveProperty('region');
  });

  it('places an audit query in every area it covered, a region only when it covered just that one', () => {
    const areas = [
      { municipality: 'hamedan', regions: ['1'] },
      { municipality: 'malayer', regions: ['1', '2'] },
      { municipality: 'tuyserkan' },
    ];
    const { entry, context } = auditEntry(
      recorded(
        'audit-a1',
        { type: 'AuditQueried', data: { query: 'events', filters: {}, results: 0, areas } },
        clerk,
      ),
      EMPTY_CONTEXT,
    );
    expect(entry).toMatchObject({
      municipality: 'hamedan',
      region: '1',
      alsoIn: [{ municipality: 'malayer' }, { municipality: 'tuyserkan' }],
    });
    expect(context).toEqual(EMPTY_CONTEXT);
  });

  it.each([
    [
      'inquiry-i1',
      {
        type: 'InquiryFiled',
        data: {
          inquiryId: 'i1',
          kind: 'transfer',
          municipality: 'hamedan',
          renewalCode: '1-1-1-1-0-0-0',
          requester: { organisation: 'notary-12' },
          requesterReference: 'r',
          purpose: 'sale',
          dueAt: 'x',
        },
      },
      ['inquiry:i1', 'renewal:1-1-1-1-0-0-0', 'organisation:notary-12'],
    ],
    [
      'login-x',
      { type: 'LoginFailed', data: { username: 'clerk', address: '10.0.0.1', reason: 'wrong_password' } },
      ['username:clerk'],
    ],
    [
      'access-1',
      {
        type: 'AccessRecorded',
        data: { what: 'parcel_owners', subject: '1-1-1-1-0-0-0', citizens: ['0013542419'], purpose: 'p' },
      },
      ['renewal:1-1-1-1-0-0-0', 'national:0013542419'],
    ],
    [
      'user-u1',
      {
        type: 'UserCreated',
        data: {
          userId: 'u1',
          username: 'reza',
          displayName: 'R',
          passwordHash: 'h',
          grants: [{ role: 'clerk', municipality: 'hamedan' }],
          origin: 'admin',
        },
      },
      ['user:u1', 'username:reza'],
    ],
  ] as const)('keys %s by its subjects', (stream, event, subjects) => {
    const context: StreamContext = EMPTY_CONTEXT;
    expect(auditEntry(recorded(stream, event, notary), context).entry.subjects).toEqual(subjects);
  });
});
