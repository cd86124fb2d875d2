import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import { municipalRegionOf, parseRenewalCode } from '../../src/parcels/renewal-code.js';
import { CLOSED_STATUSES, permitStatusAfter, type PermitStatus } from '../../src/permits/permit.state.js';
import type { DaftarEvent } from '../daftar-events.js';
import type { OverrideRow } from './report-rows.js';
import { tehranTime } from '../../src/shared/tehran-date.js';

/** A permit file or an inquiry as the reports follow it: where it is, since when, who holds it. */
export interface TrackedFile {
  readonly process: 'permit' | 'inquiry';
  readonly id: string;
  readonly municipality: string;
  readonly region: string;
  /** A permit status, or the inquiry's kind. */
  readonly stage: string;
  readonly since: string;
  readonly open: boolean;
  readonly clerkId?: string;
  readonly renewalCode: string;
  /** The citizen who applied for the permit or filed the inquiry, by national id. */
  readonly applicantNationalId?: string;
}

/** A stage a file left (or an inquiry answered): how long it took and who ended it. */
export interface EndedStage {
  readonly process: 'permit' | 'inquiry';
  readonly stage: string;
  readonly municipality: string;
  readonly region: string;
  readonly clerkId: string;
  readonly endedAt: string;
  readonly seconds: number;
}

/** A file returned by a clerk, one per reason. */
export interface ReturnFact {
  readonly clerkId: string;
  readonly what: 'permit' | 'design';
  readonly reason: string;
  readonly documentKind?: string;
  readonly at: string;
  readonly municipality: string;
  readonly region: string;
}

/** An action of municipal staff, on the Tehran clock. */
export interface StaffAction {
  readonly eventId: string;
  readonly at: string;
  readonly eventType: string;
  readonly stream: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly municipality: string;
  readonly region?: string;
  readonly tehranDay: string;
  readonly tehranTime: string;
  readonly hour: number;
  readonly minuteOfDay: number;
  readonly weekday: string;
}

/** What a report row says of a staff action: the event, where and by whom. */
export type ActionOnRecord = Pick<
  StaffAction,
  'at' | 'eventId' | 'eventType' | 'stream' | 'municipality' | 'actorId' | 'actorRole'
>;

export function actionOnRecord(action: StaffAction): ActionOnRecord {
  const { at, eventId, eventType, stream, municipality, actorId, actorRole } = action;
  return { at, eventId, eventType, stream, municipality, actorId, actorRole };
}

/** What one event adds to the reports, given the file it concerns as it stood before. */
export interface ReportFacts {
  readonly file?: TrackedFile;
  readonly ended?: EndedStage;
  readonly override?: OverrideRow;
  readonly returns: readonly ReturnFact[];
  readonly action?: StaffAction;
}

/** Municipal staff whose actions oversight watches (oversight's own queries are reported elsewhere). */
const STAFF_ROLES = ['clerk', 'surveyor', 'signatory', 'cashier'];

/** The file an event belongs to: its stream's id for permits and inquiries, else none. */
export function trackedIdOf(event: RecordedEvent<DaftarEvent>): string | undefined {
  const data = event.data as { permitId?: unknown; inquiryId?: unknown };
  if (event.stream.startsWith('permit-') && typeof data.permitId === 'string') return data.permitId;
  if (event.stream.startsWith('inquiry-') && typeof data.inquiryId === 'string') return data.inquiryId;
  return undefined;
}

export function reportFacts(file: TrackedFile | undefined, event: RecordedEvent<DaftarEvent>): ReportFacts {
  const next = tracked(file, event);
  const at = event.metadata.recordedAt;
  const actor = event.metadata.actor;
  const ended =
    file && next && (next.stage !== file.stage || (file.open && !next.open))
      ? {
          process: file.process,
          stage: file.stage,
          municipality: file.municipality,
          region: file.region,
          clerkId: endedBy(event),
          endedAt: at,
          seconds: Math.max(0, Math.round((Date.parse(at) - Date.parse(file.since)) / 1000)),
        }
      : undefined;
  const where = next ?? file;
  const municipality = actor.municipality ?? where?.municipality;
  return {
    ...(next ? { file: next } : {}),
    ...(ended ? { ended } : {}),
    ...(where ? overrideOf(where, event) : {}),
    returns: where ? returnsOf(where, event) : [],
    ...(STAFF_ROLES.includes(actor.role) && municipality !== undefined
      ? { action: staffAction(event, municipality, where?.region) }
      : {}),
  };
}

function tracked(file: TrackedFile | undefined, event: RecordedEvent<DaftarEvent>): TrackedFile | undefined {
  const at = event.metadata.recordedAt;
  switch (event.type) {
    case 'InquiryFiled': {
      const { inquiryId, municipality, renewalCode, kind, requester } = event.data;
      return {
        process: 'inquiry',
        id: inquiryId,
        municipality,
        region: regionOf(renewalCode),
        stage: kind,
        since: at,
        open: true,
        renewalCode,
        ...('nationalId' in requester ? { applicantNationalId: requester.nationalId } : {}),
      };
    }
    case 'InquiryAnswered':
      return file && { ...file, open: false };
    case 'PermitDraftOpened': {
      const { permitId, municipality, renewalCode, applicantNationalId } = event.data;
      return {
        process: 'permit',
        id: permitId,
        municipality,
        region: regionOf(renewalCode),
        stage: 'draft',
        since: at,
        open: true,
        renewalCode,
        applicantNationalId,
      };
    }
    default:
      if (file?.process !== 'permit' || !event.stream.startsWith('permit-')) return undefined;
  }
  const status = permitStatusAfter(
    file.stage as PermitStatus,
    event as Parameters<typeof permitStatusAfter>[1],
  );
  if (status === undefined || status === 'absent') return undefined;
  const clerkId = event.type === 'PermitTaken' ? event.data.clerkId : file.clerkId;
  return {
    ...file,
    stage: status,
    since: status === file.stage ? file.since : at,
    open: !(CLOSED_STATUSES as readonly string[]).includes(status),
    ...(clerkId === undefined ? {} : { clerkId }),
  };
}

/** Who ended a stage: the acting person, or `automatic` for an inquiry the checks answered at once. */
function endedBy(event: RecordedEvent<DaftarEvent>): string {
  if (event.type === 'InquiryAnswered' && event.data.answeredBy === 'automatic') return 'automatic';
  return event.metadata.actor.id;
}

function overrideOf(file: TrackedFile, event: RecordedEvent<DaftarEvent>): { override?: OverrideRow } {
  const base = {
    at: event.metadata.recordedAt,
    eventId: event.id,
    permitId: file.id,
    municipality: file.municipality,
    region: file.region,
    actorId: event.metadata.actor.id,
    actorRole: event.metadata.actor.role,
  };
  if (event.type === 'FeeOverridden') {
    const { line, from, to, reason } = event.data;
    return { override: { kind: 'fee', ...base, feeLine: line, fromRials: from, toRials: to, reason } };
  }
  if (event.type === 'DesignApproved' && event.data.override) {
    const { violations, reason } = event.data.override;
    return { override: { kind: 'design', ...base, rules: violations.map((v) => v.rule), reason } };
  }
  return {};
}

function returnsOf(file: TrackedFile, event: RecordedEvent<DaftarEvent>): ReturnFact[] {
  const base = {
    clerkId: event.metadata.actor.id,
    at: event.metadata.recordedAt,
    municipality: file.municipality,
    region: file.region,
  };
  if (event.type === 'PermitReturned')
    return event.data.reasons.map(({ reason, documentKind }) => ({
      ...base,
      what: 'permit' as const,
      reason,
      ...(documentKind === undefined ? {} : { documentKind }),
    }));
  if (event.type === 'DesignReturned')
    return event.data.reasons.map((reason) => ({ ...base, what: 'design' as const, reason }));
  return [];
}

function staffAction(event: RecordedEvent<DaftarEvent>, municipality: string, region?: string): StaffAction {
  const clock = tehranTime(event.metadata.recordedAt);
  return {
    eventId: event.id,
    at: event.metadata.recordedAt,
    eventType: event.type,
    stream: event.stream,
    actorId: event.metadata.actor.id,
    actorRole: event.metadata.actor.role,
    municipality,
    ...(region === undefined ? {} : { region }),
    tehranDay: clock.day,
    tehranTime: clock.time,
    hour: clock.hour,
    minuteOfDay: clock.minuteOfDay,
    weekday: clock.weekday,
  };
}

/** The municipal region (منطقه) of a renewal code. */
export function regionOf(renewalCode: string): string {
  return municipalRegionOf(parseRenewalCode(renewalCode));
}
