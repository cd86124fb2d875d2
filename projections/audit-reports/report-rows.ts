/**
 * The rows of the oversight reports (گزارش‌های نظارت), as their JSON answers carry them and the
 * dashboard draws them. Times are UTC ISO-8601, durations whole seconds, money integer rials.
 */

export const REPORT_NAMES = [
  'turnaround',
  'deadlines',
  'overrides',
  'returns',
  'after-hours',
  'conflicts',
  'logins',
  'activity',
  'open-files',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** Every report's JSON answer: its name, the filters it applied (scope included), and its rows. */
export interface ReportAnswer<Row> {
  readonly report: ReportName;
  readonly filters: Readonly<Record<string, unknown>>;
  readonly rows: readonly Row[];
  /** The lists (overrides, after-hours, conflicts, deadlines): how far these rows go. */
  readonly page?: ReportPage;
}

/**
 * How much of a list the rows are: at most `pageSize`, newest first; `truncated` when more match, and
 * then `nextCursor` (pass it as `cursor`) for the rows after these. A list is never cut silently.
 */
export interface ReportPage {
  readonly pageSize: number;
  readonly truncated: boolean;
  readonly nextCursor?: string;
}

/** How long files spent in one permit stage, or inquiries of one kind from filing to answer. */
export interface TurnaroundRow {
  readonly process: 'permit' | 'inquiry';
  /** A permit status (`under_review`, …) the file left, or an inquiry kind (`Transfer`, …). */
  readonly stage: string;
  /** With `by=municipality`, `by=region` (with its municipality) or `by=clerk`: the group. */
  readonly municipality?: string;
  readonly region?: string;
  /** Who acted to end the stage (the answerer of an inquiry); `automatic` for automatic answers. */
  readonly clerkId?: string;
  readonly clerkName?: string;
  /** With `series=month` a Jalali month (`1405-09`), with `series=week` an ISO week (`2026-W49`). */
  readonly period?: string;
  readonly count: number;
  /** Nearest-rank percentiles of the durations, in seconds. */
  readonly medianSeconds: number;
  readonly p90Seconds: number;
}

/** A file or inquiry past its rule-set deadline at the time of the query. */
export interface DeadlineRow {
  readonly process: 'permit' | 'inquiry';
  /** The permit id or inquiry id. */
  readonly id: string;
  readonly municipality: string;
  readonly region?: string;
  readonly renewalCode: string;
  /** The permit status it waits in, or the inquiry kind. */
  readonly stage: string;
  /** When it entered the stage (a permit) or was filed (an inquiry). */
  readonly since: string;
  readonly dueAt: string;
  readonly overdueSeconds: number;
  /** Who holds it now: the clerk who took the file (or surveyor on site); absent while unassigned. */
  readonly holderId?: string;
  readonly holderName?: string;
}

/** A design approved despite violations, or a fee line changed by hand, with the reason given. */
export interface OverrideRow {
  readonly kind: 'design' | 'fee';
  readonly at: string;
  readonly eventId: string;
  readonly permitId: string;
  readonly municipality: string;
  readonly region?: string;
  readonly actorId: string;
  readonly actorName?: string;
  readonly actorRole: string;
  /** A fee override: the fee line, and its amount before and after, in rials. */
  readonly feeLine?: string;
  readonly fromRials?: number;
  readonly toRials?: number;
  /** A design override: the map-order rules the approved design breaks. */
  readonly rules?: readonly string[];
  readonly reason: string;
}

/** How often a clerk returned files (to the applicant) or designs (to the engineer) for one reason. */
export interface ReturnRow {
  readonly clerkId: string;
  readonly clerkName?: string;
  readonly what: 'permit' | 'design';
  readonly reason: string;
  /** A permit return about one document: its kind. */
  readonly documentKind?: string;
  readonly count: number;
  readonly lastAt: string;
}

/** One staff action: the event, where, and who acted. */
export interface StaffActionRow {
  readonly at: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly stream: string;
  readonly municipality: string;
  readonly actorId: string;
  readonly actorName?: string;
  readonly actorRole: string;
}

/** A staff action outside the working hours (`DAFTAR_WORKING_HOURS`), Tehran time; holidays not known. */
export interface AfterHoursRow extends StaffActionRow {
  /** The Tehran wall-clock time of the action, `YYYY-MM-DD HH:mm`, and its weekday (`sat` … `fri`). */
  readonly tehranTime: string;
  readonly weekday: string;
}

/**
 * Staff acting on a file they applied for, or on a file or parcel they own (by national id); staff
 * without a national id on record are not matched.
 */
export interface ConflictRow extends StaffActionRow {
  readonly relation: 'applicant' | 'owner';
  /** The permit or inquiry id, or the renewal code of the parcel. */
  readonly subject: string;
}

/**
 * A sign-in finding of a user with a municipal grant: a burst of failures (for the username, or from one
 * address among the area's users), a lock, or one user from many addresses in a Tehran day.
 */
export interface LoginRow {
  readonly finding: 'failure_burst' | 'locked' | 'many_addresses';
  readonly username?: string;
  readonly userId?: string;
  readonly displayName?: string;
  /** A failure burst from one address: that address. */
  readonly address?: string;
  readonly from: string;
  readonly to: string;
  /** Failures or refused attempts, or sign-ins for `many_addresses`. */
  readonly count: number;
  /** How many distinct addresses took part. */
  readonly addresses: number;
}

/** Staff actions per Tehran hour of the day (`07`) or per Tehran day (`2026-12-03`). */
export interface ActivityRow {
  readonly by: 'hour' | 'day';
  readonly bucket: string;
  readonly count: number;
}

/** Open permit files by status, and inquiries not yet answered by kind, per municipality. */
export interface OpenFilesRow {
  readonly process: 'permit' | 'inquiry';
  /** A permit status, or an inquiry kind. */
  readonly state: string;
  readonly municipality: string;
  readonly count: number;
}

export interface ReportRows {
  readonly turnaround: TurnaroundRow;
  readonly deadlines: DeadlineRow;
  readonly overrides: OverrideRow;
  readonly returns: ReturnRow;
  readonly 'after-hours': AfterHoursRow;
  readonly conflicts: ConflictRow;
  readonly logins: LoginRow;
  readonly activity: ActivityRow;
  readonly 'open-files': OpenFilesRow;
}
