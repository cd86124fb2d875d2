import type { Actor, RecordedEvent } from '../../src/event-store/event-envelope.js';
import {
  PERMIT_EVENT_TYPES,
  type PermitEvent,
  type PermitEventType,
  type ReturnReason,
} from '../../src/permits/permit.events.js';
import { jalaliDate } from '../../src/shared/jalali.js';
import type { Projection } from '../projection.js';

export type TimelineDetail = string | number | boolean | readonly string[] | readonly ReturnReason[];

/** One step of a permit file's history (سوابق پرونده), as the applicant and staff see it. */
export interface PermitTimelineEntry {
  /** The event id. */
  readonly id: string;
  readonly permitId: string;
  /** The event's revision in the file's stream: its order within the file. */
  readonly revision: number;
  readonly position: string;
  readonly type: PermitEventType;
  readonly actor: Pick<Actor, 'id' | 'role' | 'onBehalfOf'>;
  readonly recordedAt: string;
  /** The Jalali day in Tehran, YYYY-MM-DD. */
  readonly recordedAtJalali: string;
  readonly titleFa: string;
  /** A few fields of the event worth showing; no bytes, hashes or payment references. */
  readonly details: Readonly<Record<string, TimelineDetail>>;
}

export const PERMIT_EVENT_TITLES_FA: { readonly [type in PermitEventType]: string } = {
  PermitDraftOpened: 'تشکیل پرونده',
  PermitDocumentAttached: 'پیوست مدرک',
  PermitDocumentRemoved: 'حذف مدرک',
  PermitSubmitted: 'ثبت درخواست',
  PermitTaken: 'پذیرش پرونده توسط کارشناس',
  PermitReturned: 'بازگشت پرونده برای تکمیل مدارک',
  SurveyorAssigned: 'ارجاع به نقشه‌بردار',
  SiteVisitReported: 'گزارش بازدید محل',
  MapOrderIssued: 'صدور دستور نقشه',
  EngineerNominated: 'معرفی مهندس طراح',
  DesignSubmitted: 'ارسال نقشه توسط مهندس',
  DesignReturned: 'بازگشت نقشه برای اصلاح',
  DesignApproved: 'تأیید نقشه',
  FeesAssessed: 'محاسبه عوارض',
  FeeOverridden: 'اصلاح عوارض',
  PermitPaymentRecorded: 'ثبت پرداخت',
  PermitIssued: 'صدور پروانه ساختمانی',
  InspectionAssigned: 'ارجاع بازدید مرحله به بازرس ساختمان',
  EngineerStageReported: 'گزارش مهندس ناظر',
  StageInspected: 'بازدید مرحله‌ای بازرس ساختمان',
  PermitExpired: 'پایان اعتبار پروانه',
  CompletionRequested: 'درخواست پایان‌کار',
  InspectionReported: 'گزارش بازدید پایان‌کار',
  ReferredToCommission: 'ارجاع به کمیسیون ماده ۱۰۰',
  CommissionRuled: 'رأی کمیسیون ماده ۱۰۰',
  CompletionCertificateIssued: 'صدور گواهی پایان‌کار',
  PermitRevoked: 'ابطال پروانه ساختمانی',
  PermitRenewalRequested: 'درخواست تمدید پروانه',
  PermitRenewed: 'تمدید پروانه ساختمانی',
  PermitRenewalWithdrawn: 'انصراف از درخواست تمدید',
  PermitWithdrawn: 'انصراف متقاضی',
  PermitRejected: 'رد درخواست',
};

export function timelineDetails(event: PermitEvent): Record<string, TimelineDetail> {
  switch (event.type) {
    case 'PermitDraftOpened': {
      const { applicationType, renewalCode, renewsPermitId } = event.data;
      return { applicationType, renewalCode, ...(renewsPermitId ? { renewsPermitId } : {}) };
    }
    case 'PermitDocumentAttached': {
      const { kind, fileName } = event.data.attachment;
      return { kind, fileName };
    }
    case 'PermitTaken':
      return { clerkId: event.data.clerkId };
    case 'PermitReturned':
      return { reasons: event.data.reasons };
    case 'SurveyorAssigned':
      return { surveyorId: event.data.surveyorId };
    case 'SiteVisitReported': {
      const { measuredAreaM2, streetWidthM } = event.data.survey;
      return { measuredAreaM2, streetWidthM };
    }
    case 'MapOrderIssued': {
      const { ruleSetVersion, limits } = event.data;
      return { ruleSetVersion, maxFloors: limits.maxFloors, maxBuildableAreaM2: limits.maxBuildableAreaM2 };
    }
    case 'EngineerNominated': {
      const { organisation, engineerId } = event.data.nominee;
      return { organisation, ...(engineerId ? { engineerId } : {}) };
    }
    case 'DesignSubmitted': {
      const { engineerId, organisation, design, violations } = event.data;
      return { engineerId, organisation, floors: design.floors, violations: violations.length };
    }
    case 'DesignReturned':
      return { reasons: event.data.reasons };
    case 'DesignApproved': {
      const { override } = event.data;
      return override ? { overridden: true, overrideReason: override.reason } : { overridden: false };
    }
    case 'FeesAssessed':
      return { ruleSetVersion: event.data.ruleSetVersion, total: event.data.total };
    case 'FeeOverridden': {
      const { line, from, to, reason, total } = event.data;
      return { line, from, to, reason, total };
    }
    case 'PermitPaymentRecorded': {
      const { purpose, amount, channel } = event.data;
      return { purpose, amount, channel };
    }
    case 'PermitIssued': {
      const { issuedAt, validUntil, inspectionStages } = event.data;
      if (!inspectionStages) return { issuedAt, validUntil };
      return { issuedAt, validUntil, inspectionStages: inspectionStages.map((s) => s.stage) };
    }
    case 'PermitExpired':
      return { validUntil: event.data.validUntil };
    case 'InspectionAssigned':
      return { stage: event.data.stage, dueBy: event.data.dueBy };
    case 'EngineerStageReported':
      return { stage: event.data.stage, summary: event.data.summary };
    case 'StageInspected': {
      const { stage, result, findings, violations } = event.data;
      return { stage, result, findings, violations: violations.length };
    }
    case 'InspectionReported': {
      const { compliant, violations } = event.data;
      return { compliant, violations: violations.length };
    }
    case 'CommissionRuled': {
      const { ruling, fineAmount, reference } = event.data;
      return { ruling, reference, ...(fineAmount === undefined ? {} : { fineAmount }) };
    }
    case 'CompletionCertificateIssued':
      return { issuedAt: event.data.issuedAt };
    case 'PermitRejected':
      return { reason: event.data.reason };
    case 'PermitRevoked': {
      const { code, reason, revokedAt, supersededBy } = event.data;
      return { code, reason, revokedAt, ...(supersededBy ? { supersededBy } : {}) };
    }
    case 'PermitRenewalRequested':
      return { total: event.data.total, ruleSetVersion: event.data.ruleSetVersion };
    case 'PermitRenewed': {
      const { renews, validity, replaces } = event.data;
      return {
        renewsValidUntil: renews.validUntil,
        issuedAt: validity.issuedAt,
        validUntil: validity.validUntil,
        ...(replaces ? { replaces } : {}),
      };
    }
    case 'PermitRenewalWithdrawn':
      return { validUntil: event.data.validUntil, expired: event.data.expired };
    case 'PermitDocumentRemoved':
    case 'PermitSubmitted':
    case 'CompletionRequested':
    case 'ReferredToCommission':
    case 'PermitWithdrawn':
      return {};
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const permitTimelineProjection: Projection<PermitTimelineEntry, PermitEvent> = {
  name: 'permit_timeline',
  version: 1,
  handles: PERMIT_EVENT_TYPES,
  indexes: ['permitId', ['permitId', 'revision']],
  documentId: (event) => event.id,
  evolve: (_doc, event: RecordedEvent<PermitEvent>) => {
    const { id, role, onBehalfOf } = event.metadata.actor;
    const { recordedAt } = event.metadata;
    return {
      id: event.id,
      permitId: event.data.permitId,
      revision: Number(event.revision),
      position: event.position,
      type: event.type,
      actor: { id, role, ...(onBehalfOf ? { onBehalfOf } : {}) },
      recordedAt,
      recordedAtJalali: jalaliDate(recordedAt),
      titleFa: PERMIT_EVENT_TITLES_FA[event.type],
      details: timelineDetails(event),
    };
  },
};
