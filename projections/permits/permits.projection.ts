import type { DocumentEvent, DocumentKind } from '../../src/documents/document.events.js';
import type { RecordedEvent } from '../../src/event-store/event-envelope.js';
import type { FeeLine, FeeLineCode } from '../../src/fees/calculate-fees.js';
import { municipalRegionOf, parseRenewalCode } from '../../src/parcels/renewal-code.js';
import type { MapOrderLimits } from '../../src/permits/map-order-limits.js';
import {
  PERMIT_EVENT_TYPES,
  type Attachment,
  type CommissionRuling,
  type DesignOverride,
  type EngineerNominee,
  type Payment,
  type PermitEvent,
  type PermitRevocation,
  type ReturnReason,
  type SiteSurvey,
} from '../../src/permits/permit.events.js';
import {
  permitStatusAfter,
  type DesignOnFile,
  type Inspection,
  type PermitFileStatus,
} from '../../src/permits/permit.state.js';
import type { ApplicationType } from '../../src/rule-sets/rule-set.js';
import type { Projection } from '../projection.js';
import { inspectionStageChanges, type InspectionStagesOnFile } from './inspection-stages.js';

export type PermitDocumentIssued = Extract<DocumentEvent, { type: 'DocumentIssued' }>;
export type PermitsProjectionEvent = PermitEvent | PermitDocumentIssued;

/** Who did something to the file, and when. */
export interface Stamp {
  readonly at: string;
  readonly by: string;
}

export interface FeeOverrideRecord extends Stamp {
  readonly line: FeeLineCode;
  readonly from: number;
  readonly to: number;
  readonly reason: string;
}

/** The fees (عوارض) in integer rials: `lines` and `total` after any override. */
export interface PermitFees {
  readonly ruleSetVersion: number;
  readonly lines: readonly FeeLine[];
  readonly total: number;
  readonly overrides: readonly FeeOverrideRecord[];
  readonly paid: number;
  readonly outstanding: number;
  readonly assessedAt: string;
}

/** The latest renewal (تمدید پروانه): its fee in integer rials, and the validity it replaced once renewed. */
export interface PermitRenewalView {
  readonly ruleSetVersion: number;
  readonly lines: readonly FeeLine[];
  readonly total: number;
  readonly paid: number;
  readonly outstanding: number;
  readonly requestedAt: string;
  readonly renewedAt?: string;
  readonly renews?: { readonly issuedAt: string; readonly validUntil: string };
  /** When the request ended unrenewed: withdrawn, run out with the permit, or dropped by a new permit. */
  readonly droppedAt?: string;
}

/** Codes of the signed documents issued for the file, the latest of each kind. */
export interface PermitDocumentCodes {
  readonly mapOrder?: string;
  readonly permit?: string;
  readonly completionCertificate?: string;
}

/** A building-permit file as a clerk's screen, the worklists (کارتابل) and oversight read it. */
export interface PermitView extends InspectionStagesOnFile {
  readonly id: string;
  readonly permitId: string;
  readonly municipality: string;
  /** The municipal region (منطقه) of the parcel, from its renewal code. */
  readonly region: string;
  readonly renewalCode: string;
  readonly applicationType: ApplicationType;
  readonly applicantNationalId: string;
  readonly renewsPermitId?: string;
  /** The tracking number (کد رهگیری); absent on files opened before numbers were given. */
  readonly trackingNumber?: string;
  readonly status: PermitFileStatus;
  readonly attachments: readonly Attachment[];
  /** Every time a clerk returned the file to the applicant, oldest first. */
  readonly returns: readonly (Stamp & { readonly reasons: readonly ReturnReason[] })[];
  readonly clerkId?: string;
  readonly surveyorId?: string;
  readonly survey?: SiteSurvey & { readonly reportedAt: string };
  readonly mapOrder?: {
    readonly limits: MapOrderLimits;
    readonly ruleSetVersion: number;
    readonly issuedAt: string;
  };
  /** Who the applicant nominated to design the building: they alone submit the design. */
  readonly nominee?: EngineerNominee & { readonly nominatedAt: string };
  /** The last design submitted. */
  readonly design?: DesignOnFile & { readonly submittedAt: string };
  readonly designReturns: readonly (Stamp & { readonly reasons: readonly string[] })[];
  /** Approval of a design that violates its map order, with the clerk's reason. */
  readonly designOverride?: DesignOverride & Stamp;
  readonly fees?: PermitFees;
  readonly payments: readonly Payment[];
  readonly permit?: { readonly issuedAt: string; readonly validUntil: string };
  /** Why completion waits for a new permit: the permit document revoked, until one is issued. */
  readonly revocation?: PermitRevocation;
  readonly renewal?: PermitRenewalView;
  readonly completionRequestedAt?: string;
  readonly inspection?: Inspection & { readonly reportedAt: string };
  /** The Article 100 commission (کمیسیون ماده ۱۰۰). */
  readonly commission?: {
    readonly referredAt: string;
    readonly ruling?: CommissionRuling & { readonly ruledAt: string };
  };
  readonly completedAt?: string;
  readonly closed?: Stamp & { readonly status: 'withdrawn' | 'rejected'; readonly reason?: string };
  readonly documents: PermitDocumentCodes;
  readonly openedAt: string;
  readonly updatedAt: string;
  /** When the file entered its current status. */
  readonly stateSince: string;
  /** Milliseconds spent in each status left so far; the current one counts from `stateSince`. */
  readonly timeInStates: Readonly<Partial<Record<PermitFileStatus, number>>>;
  /** The global position of the last event folded in. */
  readonly position: string;
  /** The revision of the file's stream: send it back in If-Match to act only on the file as seen. */
  readonly revision: number;
}

const DOCUMENT_FIELD: { readonly [kind in DocumentKind]?: keyof PermitDocumentCodes } = {
  MapOrder: 'mapOrder',
  BuildingPermit: 'permit',
  CompletionCertificate: 'completionCertificate',
};

const PERMIT_STREAM_PREFIX = 'permit-';

/** The permit file a document was issued for, if any. */
function permitOfDocument(event: RecordedEvent<PermitDocumentIssued>): string | null {
  const { stream } = event.data.subject;
  return stream.startsWith(PERMIT_STREAM_PREFIX) ? stream.slice(PERMIT_STREAM_PREFIX.length) : null;
}

function opened(event: RecordedEvent<Extract<PermitEvent, { type: 'PermitDraftOpened' }>>): PermitView {
  const at = event.metadata.recordedAt;
  const { permitId, renewalCode, ...details } = event.data;
  return {
    id: permitId,
    permitId,
    ...details,
    renewalCode,
    region: municipalRegionOf(parseRenewalCode(renewalCode)),
    status: 'draft',
    attachments: [],
    returns: [],
    designReturns: [],
    payments: [],
    documents: {},
    openedAt: at,
    updatedAt: at,
    stateSince: at,
    timeInStates: {},
    position: event.position,
    revision: Number(event.revision),
  };
}

/** Moving to `next` closes the time spent in the current status. */
function statusChange(doc: PermitView, event: PermitEvent, at: string) {
  const next = permitStatusAfter(doc.status, event);
  if (next === undefined || next === 'absent' || next === doc.status) return {};
  const spent = Date.parse(at) - Date.parse(doc.stateSince);
  const timeInStates = { ...doc.timeInStates, [doc.status]: (doc.timeInStates[doc.status] ?? 0) + spent };
  return { status: next, stateSince: at, timeInStates };
}

const withPayment = <Fees extends PermitFees | PermitRenewalView>(fees: Fees, amount: number): Fees => ({
  ...fees,
  paid: fees.paid + amount,
  outstanding: Math.max(0, fees.total - fees.paid - amount),
});

/** What an event other than the draft's opening changes in the file. */
function changes(
  doc: PermitView,
  event: RecordedEvent<Exclude<PermitEvent, { type: 'PermitDraftOpened' }>>,
): Partial<PermitView> {
  const at = event.metadata.recordedAt;
  const stamp: Stamp = { at, by: event.metadata.actor.id };
  switch (event.type) {
    case 'PermitDocumentAttached':
      return { attachments: [...doc.attachments, event.data.attachment] };
    case 'PermitDocumentRemoved':
      return { attachments: doc.attachments.filter((a) => a.sha256 !== event.data.sha256) };
    case 'PermitSubmitted':
      return {};
    case 'PermitExpired':
    case 'PermitRenewalWithdrawn':
      return droppedRenewal(doc, at);
    case 'PermitTaken':
      return { clerkId: event.data.clerkId };
    case 'PermitReturned':
      return { returns: [...doc.returns, { ...stamp, reasons: event.data.reasons }] };
    case 'SurveyorAssigned':
      return { surveyorId: event.data.surveyorId };
    case 'SiteVisitReported':
      return { survey: { ...event.data.survey, reportedAt: at } };
    case 'MapOrderIssued': {
      const { limits, ruleSetVersion } = event.data;
      return { mapOrder: { limits, ruleSetVersion, issuedAt: at } };
    }
    case 'EngineerNominated':
      return { nominee: { ...event.data.nominee, nominatedAt: at } };
    case 'DesignSubmitted': {
      const { permitId: _, ...design } = event.data;
      return { design: { ...design, submittedAt: at } };
    }
    case 'DesignReturned':
      return { designReturns: [...doc.designReturns, { ...stamp, reasons: event.data.reasons }] };
    case 'DesignApproved': {
      const { override } = event.data;
      return override ? { designOverride: { ...override, ...stamp } } : {};
    }
    case 'FeesAssessed': {
      const { ruleSetVersion, lines, total } = event.data;
      const fees = {
        ruleSetVersion,
        lines,
        total,
        overrides: [],
        paid: 0,
        outstanding: total,
        assessedAt: at,
      };
      return { fees };
    }
    case 'FeeOverridden': {
      if (!doc.fees) return {};
      const { line, from, to, reason, total } = event.data;
      const fees = doc.fees;
      return {
        fees: {
          ...fees,
          lines: fees.lines.map((l) => (l.code === line ? { ...l, amount: to } : l)),
          total,
          overrides: [...fees.overrides, { line, from, to, reason, ...stamp }],
          outstanding: Math.max(0, total - fees.paid),
        },
      };
    }
    case 'PermitPaymentRecorded': {
      const { permitId: _, ...payment } = event.data;
      const payments = [...doc.payments, payment];
      if (payment.purpose === 'fees' && doc.fees)
        return { payments, fees: withPayment(doc.fees, payment.amount) };
      if (payment.purpose === 'renewal' && doc.renewal)
        return { payments, renewal: withPayment(doc.renewal, payment.amount) };
      return { payments };
    }
    case 'PermitIssued': {
      const { issuedAt, validUntil } = event.data;
      // A permit issued in place of a revoked one gets its own document: the revoked code is no longer the file's.
      const { permit: _, ...documents } = doc.documents;
      const stages = inspectionStageChanges(doc, event, at);
      // Completion asked for under a revoked permit is asked anew under the new one.
      const asked = doc.status === 'completion_requested' ? { completionRequestedAt: undefined } : {};
      const permit = { issuedAt, validUntil };
      return { permit, revocation: undefined, documents, ...stages, ...asked, ...droppedRenewal(doc, at) };
    }
    case 'PermitRevoked': {
      const { permitId: _, ...revocation } = event.data;
      return { revocation };
    }
    case 'PermitRenewalRequested': {
      const { ruleSetVersion, lines, total } = event.data;
      return { renewal: { ruleSetVersion, lines, total, paid: 0, outstanding: total, requestedAt: at } };
    }
    case 'PermitRenewed': {
      // The renewed permit gets its own document, which supersedes the old one.
      const { permit: _, ...documents } = doc.documents;
      const renewal = doc.renewal && { ...doc.renewal, renewedAt: at, renews: event.data.renews };
      const permit = event.data.validity;
      return { permit, revocation: undefined, documents, ...(renewal ? { renewal } : {}) };
    }
    case 'CompletionRequested':
      return { completionRequestedAt: at };
    case 'InspectionReported': {
      const { inspectorId, compliant, violations } = event.data;
      const stages = inspectionStageChanges(doc, event, at);
      return { inspection: { inspectorId, compliant, violations, reportedAt: at }, ...stages };
    }
    case 'InspectionAssigned':
    case 'EngineerStageReported':
      return inspectionStageChanges(doc, event, at);
    case 'StageInspected': {
      const { inspectorId, result, violations } = event.data;
      const stages = inspectionStageChanges(doc, event, at);
      // Violations found at a stage go the commission's way, like those found at completion.
      if (result === 'compliant') return stages;
      return { ...stages, inspection: { inspectorId, compliant: false, violations, reportedAt: at } };
    }
    case 'ReferredToCommission':
      return { commission: { referredAt: at } };
    case 'CommissionRuled': {
      const { permitId: _, ...ruling } = event.data;
      return {
        commission: { referredAt: doc.commission?.referredAt ?? at, ruling: { ...ruling, ruledAt: at } },
      };
    }
    case 'CompletionCertificateIssued':
      return { completedAt: event.data.issuedAt };
    case 'PermitWithdrawn':
      return { closed: { status: 'withdrawn', ...stamp } };
    case 'PermitRejected':
      return { closed: { status: 'rejected', reason: event.data.reason, ...stamp } };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** A renewal requested and not paid that ends without a renewal. */
const droppedRenewal = (doc: PermitView, at: string): Partial<PermitView> =>
  doc.status === 'renewal_requested' && doc.renewal ? { renewal: { ...doc.renewal, droppedAt: at } } : {};

function documentIssued(doc: PermitView, event: RecordedEvent<PermitDocumentIssued>): PermitView {
  const field = DOCUMENT_FIELD[event.data.kind];
  if (!field) return doc;
  return {
    ...doc,
    documents: { ...doc.documents, [field]: event.data.code },
    updatedAt: event.metadata.recordedAt,
    position: event.position,
  };
}

export const permitsProjection: Projection<PermitView, PermitsProjectionEvent> = {
  name: 'permits',
  version: 5,
  handles: [...PERMIT_EVENT_TYPES, 'DocumentIssued'],
  indexes: [
    'municipality',
    'status',
    'applicantNationalId',
    'surveyorId',
    'clerkId',
    'renewalCode',
    'trackingNumber',
    'stateSince',
    'updatedAt',
    // Worklists: staff by municipality, the longest waiting first; applicants the latest change first.
    ['municipality', 'stateSince'],
    ['applicantNationalId', 'updatedAt'],
    // The inspectors' worklist: by inspector, or the municipality's, the earliest deadline first.
    ['inspectorId', 'inspectionDueBy'],
    ['municipality', 'inspectionStage'],
  ],
  documentId: (event) => (event.type === 'DocumentIssued' ? permitOfDocument(event) : event.data.permitId),
  evolve: (doc, event) => {
    if (event.type === 'DocumentIssued') return doc && documentIssued(doc, event);
    if (event.type === 'PermitDraftOpened') return opened(event);
    if (!doc) return null;
    const at = event.metadata.recordedAt;
    return {
      ...doc,
      ...changes(doc, event),
      ...statusChange(doc, event, at),
      updatedAt: at,
      position: event.position,
      revision: Number(event.revision),
    };
  },
};
