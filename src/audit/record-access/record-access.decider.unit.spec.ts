import { given } from '../../../test/support/given.js';
import type { AuditEvent } from '../audit.events.js';
import type { AccessRecord, AuditTrailCommand, QueryRecord } from './record-access.commands.js';
import { auditTrailDecider, MAX_PURPOSE_LENGTH } from './record-access.decider.js';

const fileRead: AccessRecord = {
  what: 'permit_file',
  subject: 'permit-1',
  citizens: ['0013542419'],
  municipality: 'hamedan',
  purpose: 'بررسی پرونده',
};
const search: QueryRecord = { query: 'reports/overrides', filters: { municipality: 'hamedan' }, results: 3 };

const accesses = (...records: AccessRecord[]): AuditTrailCommand => ({
  type: 'RecordAccesses',
  data: { records },
});
const queries = (...records: QueryRecord[]): AuditTrailCommand => ({
  type: 'RecordAuditQueries',
  data: { queries: records },
});
// The trail's streams carry no rule, so every spec starts from no history.
const when = (command: AuditTrailCommand) => given(auditTrailDecider).when(command);

describe('the audit trail’s records', () => {
  describe('RecordAccesses', () => {
    it('turns a batch into one AccessRecorded per read, in order', () => {
      const { municipality: _, ...noMunicipality } = fileRead;
      const attachment: AccessRecord = { ...noMunicipality, what: 'permit_attachment', purpose: 'x' };
      expect(when(accesses(fileRead, attachment))).toEqual<AuditEvent[]>([
        { type: 'AccessRecorded', data: fileRead },
        { type: 'AccessRecorded', data: attachment },
      ]);
    });

    it('accepts Persian with a zero-width non-joiner and a right-to-left mark', () => {
      const purpose = 'بررسی\u200Cها \u200Fپرونده';
      expect(when(accesses({ ...fileRead, purpose }))).toEqual([
        { type: 'AccessRecorded', data: { ...fileRead, purpose } },
      ]);
    });

    it('accepts a purpose of exactly the longest length', () => {
      const purpose = 'پ'.repeat(MAX_PURPOSE_LENGTH);
      expect(when(accesses({ ...fileRead, purpose }))).toEqual([
        { type: 'AccessRecorded', data: { ...fileRead, purpose } },
      ]);
    });

    it.each([
      ['too long', 'x'.repeat(MAX_PURPOSE_LENGTH + 1)],
      ['empty', ''],
      ['blank', '   '],
      ['a control character', 'review\nforged line'],
      ['a bidirectional override', 'review \u202Eenil degrof'],
      ['a line break before the text', '\r\n\treview'],
      ['a line separator', 'review\u2028forged line'],
      ['a bidirectional isolate', 'review \u2067forged\u2069'],
    ])('refuses the whole batch when a purpose is %s: AUDIT.INVALID_PURPOSE naming it', (_, purpose) => {
      expect(when(accesses(fileRead, { ...fileRead, purpose }))).toMatchObject({
        code: 'AUDIT.INVALID_PURPOSE',
        kind: 'invalid',
        details: { index: 1 },
      });
    });

    it('keeps the region of the record read, but not without its municipality', () => {
      const { municipality: _, ...noMunicipality } = fileRead;
      expect(when(accesses({ ...fileRead, region: '2' }, { ...noMunicipality, region: '2' }))).toEqual([
        { type: 'AccessRecorded', data: { ...fileRead, region: '2' } },
        { type: 'AccessRecorded', data: noMunicipality },
      ]);
    });

    it.each<[string, Partial<AccessRecord>]>([
      ['an unknown kind of read', { what: 'tax_return' as AccessRecord['what'] }],
      ['an empty subject', { subject: '' }],
      ['a subject over 200 characters', { subject: 's'.repeat(201) }],
      ['no citizen', { citizens: [] }],
      ['a citizen that is no national id', { citizens: ['0013542419', 'user-7'] }],
    ])('refuses %s with AUDIT.INVALID_RECORD, naming the record', (_, change) => {
      expect(when(accesses(fileRead, fileRead, { ...fileRead, ...change }))).toMatchObject({
        code: 'AUDIT.INVALID_RECORD',
        details: { index: 2 },
      });
    });
  });

  describe('RecordAuditQueries', () => {
    it('turns a batch into one AuditQueried per query', () => {
      const none: QueryRecord = { query: 'events', filters: {}, results: 0 };
      expect(when(queries(search, none))).toEqual<AuditEvent[]>([
        { type: 'AuditQueried', data: search },
        { type: 'AuditQueried', data: none },
      ]);
    });

    it('keeps the areas a query covered, so that it is shown to each', () => {
      const areas = [{ municipality: 'hamedan', regions: ['1'] }, { municipality: 'malayer' }];
      expect(when(queries({ ...search, areas }, { ...search, areas: [] }))).toEqual<AuditEvent[]>([
        { type: 'AuditQueried', data: { ...search, areas } },
        { type: 'AuditQueried', data: search },
      ]);
    });

    it.each<[string, Partial<QueryRecord>]>([
      ['a query name that is no path', { query: 'Reports Overrides' }],
      ['a negative result count', { results: -1 }],
      ['a fractional result count', { results: 1.5 }],
      ['filters that are no object', { filters: ['hamedan'] as unknown as QueryRecord['filters'] }],
      ['filters over 4,000 characters', { filters: { actor: 'a'.repeat(4_000) } }],
      ['a municipality covered twice', { areas: [{ municipality: 'hamedan' }, { municipality: 'hamedan' }] }],
      ['an area that is no code', { areas: [{ municipality: 'hamedan', regions: ['1 OR 1'] }] }],
    ])('refuses %s with AUDIT.INVALID_RECORD', (_, change) => {
      expect(when(queries({ ...search, ...change }))).toMatchObject({
        code: 'AUDIT.INVALID_RECORD',
        details: { index: 0 },
      });
    });
  });
});
