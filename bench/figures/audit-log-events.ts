import type { Actor, RecordedEvent } from '../../src/event-store/event-envelope.js';

/** A year of three municipalities' work: Farvardin 1 1404 (Tehran) onwards, in log order. */
const YEAR_START = Date.parse('2025-03-20T20:30:00Z');
const YEAR_MS = 365 * 86_400_000;
export const MUNICIPALITIES = [
  { code: 'hamedan', regions: 5 },
  { code: 'malayer', regions: 3 },
  { code: 'nahavand', regions: 3 },
] as const;
const CLERKS_PER_MUNICIPALITY = 8;
const CITIZENS = 20_000;
const OPEN_FILES = 3_000;
const PERMIT_STAGES = [
  'PermitSubmitted',
  'PermitTaken',
  'PermitReturned',
  'PermitSubmitted',
  'FeesAssessed',
  'MapOrderIssued',
  'PermitPaymentRecorded',
  'PermitIssued',
] as const;

interface OpenPermit {
  readonly id: string;
  readonly municipality: string;
  readonly nationalId: string;
  stage: number;
  clerk?: Actor;
}

export interface SyntheticLog {
  /** The next `count` events, positions counting on from the last page. */
  page(count: number): RecordedEvent[];
  /** Every permit file opened so far, with its applicant. */
  readonly permits: readonly {
    readonly id: string;
    readonly municipality: string;
    readonly nationalId: string;
  }[];
  clerksOf(municipality: string): readonly Actor[];
}

const uuid = (n: number) => `0193a0b2-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/**
 * `total` events as the store would record them, with `recordedAt` rising evenly over a year: citizens
 * opening and resubmitting permit files, clerks (کارشناس) taking, returning, assessing and reading them,
 * cashiers and signatories, sign-ins (some failed), and notaries' inquiries answered by clerks.
 */
export function syntheticAuditLog(total: number): SyntheticLog {
  const clerks = new Map<string, Actor[]>(
    MUNICIPALITIES.map(({ code }) => [
      code,
      Array.from({ length: CLERKS_PER_MUNICIPALITY }, (_, k): Actor => ({
        id: `user-clerk-${code}-${k}`,
        role: 'clerk',
        municipality: code,
      })),
    ]),
  );
  const staff = (role: string, municipality: string): Actor => ({
    id: `user-${role}-${municipality}`,
    role,
    municipality,
  });
  const nationalIds = Array.from({ length: CITIZENS }, (_, i) => String(1_000_000_000 + i * 7919));
  const permits: OpenPermit[] = [];
  const open: OpenPermit[] = [];
  const inquiries: { id: string; municipality: string }[] = [];
  let position = 0;

  const event = (stream: string, revision: number, type: string, data: unknown, actor: Actor) => {
    const id = uuid(position);
    const recordedAt = new Date(YEAR_START + Math.floor((position * YEAR_MS) / total)).toISOString();
    return {
      id,
      type,
      stream,
      revision: BigInt(revision),
      position: String(position++),
      data,
      metadata: { actor, correlationId: id, causationId: id, recordedAt, schemaVersion: 1 },
    } as RecordedEvent;
  };

  const openPermit = () => {
    const { code, regions } = pick(MUNICIPALITIES);
    const nationalId = pick(nationalIds);
    const permit: OpenPermit = {
      id: uuid(10_000_000 + permits.length),
      municipality: code,
      nationalId,
      stage: 0,
    };
    permits.push(permit);
    open.push(permit);
    const renewalCode = `${1 + Math.floor(Math.random() * regions)}-1-${permits.length % 400}-${permits.length % 97}-0-0-0`;
    return event(
      `permit-${permit.id}`,
      0,
      'PermitDraftOpened',
      {
        permitId: permit.id,
        municipality: code,
        renewalCode,
        applicationType: 'NewConstruction',
        applicantNationalId: nationalId,
      },
      { id: `user-citizen-${nationalId}`, role: 'citizen' },
    );
  };

  const advancePermit = () => {
    const index = Math.floor(Math.random() * open.length);
    const permit = open[index]!;
    const type = PERMIT_STAGES[permit.stage]!;
    permit.stage += 1;
    if (permit.stage === PERMIT_STAGES.length) open.splice(index, 1);
    if (type === 'PermitTaken') permit.clerk = pick(clerks.get(permit.municipality)!);
    const actor =
      type === 'PermitSubmitted'
        ? { id: `user-citizen-${permit.nationalId}`, role: 'citizen' }
        : type === 'PermitPaymentRecorded'
          ? staff('cashier', permit.municipality)
          : type === 'PermitIssued'
            ? staff('signatory', permit.municipality)
            : permit.clerk!;
    const data =
      type === 'PermitTaken'
        ? { permitId: permit.id, clerkId: permit.clerk!.id }
        : type === 'PermitReturned'
          ? { permitId: permit.id, reasons: [{ reason: 'مدارک ناقص است' }] }
          : { permitId: permit.id };
    return event(`permit-${permit.id}`, permit.stage, type, data, actor);
  };

  const readPermit = () => {
    const permit = pick(open);
    const clerk = permit.clerk ?? pick(clerks.get(permit.municipality)!);
    return event(
      `access-${clerk.id}`,
      0,
      'AccessRecorded',
      {
        what: 'permit_file',
        subject: permit.id,
        citizens: [permit.nationalId],
        municipality: permit.municipality,
        purpose: 'processing the application',
      },
      clerk,
    );
  };

  const signIn = () => {
    const clerk = pick(clerks.get(pick(MUNICIPALITIES).code)!);
    const username = clerk.id.slice('user-'.length);
    const address = `10.0.${position % 7}.${position % 250}`;
    return Math.random() < 0.15
      ? event(`login-${username}`, 0, 'LoginFailed', { username, address, reason: 'wrong_password' }, clerk)
      : event(`login-${username}`, 0, 'LoginSucceeded', { username, userId: clerk.id, address }, clerk);
  };

  const inquire = () => {
    const answered = inquiries.length > 50 && Math.random() < 0.5;
    if (answered) {
      const inquiry = inquiries.splice(Math.floor(Math.random() * inquiries.length), 1)[0]!;
      const clerk = pick(clerks.get(inquiry.municipality)!);
      return event(`inquiry-${inquiry.id}`, 1, 'InquiryAnswered', { inquiryId: inquiry.id }, clerk);
    }
    const { code, regions } = pick(MUNICIPALITIES);
    const office = `notary-${position % 12}`;
    const inquiry = { id: uuid(20_000_000 + position), municipality: code };
    inquiries.push(inquiry);
    return event(
      `inquiry-${inquiry.id}`,
      0,
      'InquiryFiled',
      {
        inquiryId: inquiry.id,
        kind: 'transfer',
        municipality: code,
        renewalCode: `${1 + (position % regions)}-1-${position % 300}-1-0-0-0`,
        requester: { organisation: office },
        requesterReference: `r-${position}`,
        purpose: 'sale',
        dueAt: new Date(YEAR_START).toISOString(),
      },
      { id: `apikey-${office}`, role: 'notary', office },
    );
  };

  const next = (): RecordedEvent => {
    const roll = Math.random();
    if (open.length < 100 || (roll < 0.12 && open.length < OPEN_FILES)) return openPermit();
    if (roll < 0.55) return advancePermit();
    if (roll < 0.8) return readPermit();
    if (roll < 0.9) return signIn();
    return inquire();
  };

  return {
    page: (count) => Array.from({ length: count }, next),
    permits,
    clerksOf: (municipality) => clerks.get(municipality)!,
  };
}
