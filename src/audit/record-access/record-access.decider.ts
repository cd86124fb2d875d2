import type { Decider } from '../../event-store/command-handling/decider.js';
import { DomainError } from '../../shared/domain-error.js';
import { ACCESSED_WHATS, type AuditEvent, type AuditQueryArea } from '../audit.events.js';
import type { AccessRecord, AuditTrailCommand, QueryRecord } from './record-access.commands.js';

export const MAX_PURPOSE_LENGTH = 200;
const MAX_SUBJECT_LENGTH = 200;
const MAX_FILTERS_LENGTH = 4_000;
const NATIONAL_ID = /^\d{10}$/;
const QUERY = /^[a-z][a-z0-9/-]{0,99}$/;
const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_AREAS = 1_000;
// No control characters or line separators, and no bidirectional overrides or isolates, which can make a purpose shown to
// a citizen or written to CSV read differently from what was stored; a zero-width non-joiner (نیم‌فاصله)
// and the directional marks that Persian text uses stay allowed.
const PRINTABLE = /^[^\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]+$/u;

/** Records are facts about reads already made: nothing in the stream decides them, so it keeps no state. */
type AuditTrailState = null;

function decide(command: AuditTrailCommand, _state: AuditTrailState): readonly AuditEvent[] | DomainError {
  switch (command.type) {
    case 'RecordAccesses':
      return decideAccesses(command.data.records);
    case 'RecordAuditQueries':
      return firstProblem(command.data.queries.map(queryProblem)) ?? command.data.queries.map(queried);
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

const accessed = ({ what, subject, citizens, municipality, region, purpose }: AccessRecord): AuditEvent => ({
  type: 'AccessRecorded',
  data: {
    what,
    subject,
    citizens,
    ...(municipality === undefined ? {} : { municipality }),
    // A region is a part of a municipality: without one it places nothing.
    ...(municipality === undefined || region === undefined ? {} : { region }),
    purpose,
  },
});

const queried = ({ query, filters, results, areas }: QueryRecord): AuditEvent => ({
  type: 'AuditQueried',
  data: { query, filters, results, ...(areas?.length ? { areas } : {}) },
});

function decideAccesses(records: readonly AccessRecord[]): readonly AuditEvent[] | DomainError {
  const purpose = records.findIndex((r) => !isPurpose(r.purpose));
  if (purpose !== -1) {
    return new DomainError(
      'AUDIT.INVALID_PURPOSE',
      `Daftar-Purpose must be 1 to ${MAX_PURPOSE_LENGTH} printable characters`,
      'invalid',
      { index: purpose },
    );
  }
  return firstProblem(records.map(accessProblem)) ?? records.map(accessed);
}

function isPurpose(purpose: string): boolean {
  return purpose.length <= MAX_PURPOSE_LENGTH && purpose.trim() !== '' && PRINTABLE.test(purpose);
}

function accessProblem(record: AccessRecord): string | undefined {
  if (!ACCESSED_WHATS.includes(record.what)) return `unknown kind of read ${JSON.stringify(record.what)}`;
  if (!record.subject || record.subject.length > MAX_SUBJECT_LENGTH)
    return 'the subject is empty or too long';
  const citizens = record.citizens.length > 0 && record.citizens.every((c) => NATIONAL_ID.test(c));
  return citizens ? undefined : 'the citizens must be national ids';
}

function queryProblem({ query, filters, results, areas }: QueryRecord): string | undefined {
  if (!QUERY.test(query)) return `the query name ${JSON.stringify(query)} is not valid`;
  if (!Number.isSafeInteger(results) || results < 0) return 'the result count must be a whole number';
  if (areas !== undefined && !areAreas(areas)) return 'the areas are not distinct municipalities';
  const json = JSON.stringify(filters) as string | undefined;
  return json?.startsWith('{') && json.length <= MAX_FILTERS_LENGTH
    ? undefined
    : 'the filters are not a small object';
}

function areAreas(areas: readonly AuditQueryArea[]): boolean {
  const isCode = (code: unknown) => typeof code === 'string' && CODE.test(code);
  const distinct = new Set(areas.map((a) => a.municipality)).size === areas.length;
  return (
    distinct &&
    areas.length <= MAX_AREAS &&
    areas.every((a) => isCode(a.municipality) && (a.regions ?? []).every(isCode))
  );
}

function firstProblem(problems: readonly (string | undefined)[]): DomainError | undefined {
  const index = problems.findIndex((p) => p !== undefined);
  if (index === -1) return undefined;
  return new DomainError('AUDIT.INVALID_RECORD', `Record ${index}: ${problems[index]}`, 'invalid', { index });
}

/**
 * The audit trail's records (AccessRecorded, AuditQueried): validated and turned into one event per
 * record; the reader of each is its event's actor, set by whoever appends.
 */
export const auditTrailDecider: Decider<AuditTrailCommand, AuditTrailState, AuditEvent> = {
  initialState: () => null,
  evolve: (state) => state,
  decide,
};
