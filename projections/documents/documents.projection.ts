import {
  DOCUMENT_EVENT_TYPES,
  type DocumentContent,
  type DocumentEvent,
  type DocumentKind,
  type DocumentSubject,
} from '../../src/documents/document.events.js';
import { maskName } from '../../src/shared/masking.js';
import type { Projection } from '../projection.js';

export type DocumentStatus = 'valid' | 'revoked' | 'superseded';
export type SummaryValue = string | number | boolean | readonly string[];

/** An issued document as verification, printing and access checks read it; the content stays in the log. */
export interface DocumentRecord {
  readonly code: string;
  readonly kind: DocumentKind;
  readonly municipality: string;
  readonly renewalCode?: string;
  readonly subject: DocumentSubject;
  /** National ids of the people it is about: they may fetch it. */
  readonly holderNationalIds: readonly string[];
  readonly organisation?: string;
  readonly contentSha256: string;
  readonly keyId: string;
  readonly seal: string;
  readonly issuedAt: string;
  /** The DocumentIssued event: the ledger proves the document by its leaf. */
  readonly issueEventId: string;
  readonly status: DocumentStatus;
  readonly revocation?: { readonly reason: string; readonly at: string };
  readonly supersession?: { readonly by: string; readonly reason: string; readonly at: string };
  /** What the public verification page may show: no amounts, names masked. */
  readonly summary: Readonly<Record<string, SummaryValue>>;
  readonly position: string;
}

/** The body fields each kind shows publicly, beyond the renewal code and the masked holders. */
const PUBLIC_FIELDS: { readonly [kind in DocumentKind]: readonly string[] } = {
  BuildingPermit: ['permitId', 'applicationType', 'floors', 'use', 'units', 'validUntil'],
  MapOrder: ['permitId', 'maxFloors', 'allowedUses'],
  CompletionCertificate: ['permitId', 'floors', 'use'],
  InquiryAnswer: ['inquiryId', 'inquiryKind', 'outcome'],
  NoViolationCertificate: ['inquiryId', 'outcome'],
};

export function publicSummary(content: DocumentContent): Record<string, SummaryValue> {
  const summary: Record<string, SummaryValue> = {};
  if (content.renewalCode) summary['renewalCode'] = content.renewalCode;
  if (content.holders.length) summary['holders'] = content.holders.map((h) => maskName(h.name));
  for (const field of PUBLIC_FIELDS[content.kind]) {
    const value = content.body[field];
    if (isSummaryValue(value)) summary[field] = value;
  }
  return summary;
}

function isSummaryValue(value: unknown): value is SummaryValue {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export const documentsProjection: Projection<DocumentRecord, DocumentEvent> = {
  name: 'documents',
  version: 2,
  handles: DOCUMENT_EVENT_TYPES,
  indexes: ['subject.stream', 'municipality'],
  documentId: (event) => event.data.code,
  evolve: (doc, event) => {
    const at = event.metadata.recordedAt;
    switch (event.type) {
      case 'DocumentIssued': {
        const { content, signature: _signature, ...data } = event.data;
        return {
          ...data,
          ...(content.renewalCode ? { renewalCode: content.renewalCode } : {}),
          ...(content.organisation ? { organisation: content.organisation } : {}),
          holderNationalIds: content.holders.map((h) => h.nationalId),
          issueEventId: event.id,
          status: 'valid',
          summary: publicSummary(content),
          position: event.position,
        };
      }
      case 'DocumentRevoked':
        return (
          doc && {
            ...doc,
            status: 'revoked',
            revocation: { reason: event.data.reason, at },
            position: event.position,
          }
        );
      case 'DocumentSuperseded': {
        const { by, reason } = event.data;
        return (
          doc && { ...doc, status: 'superseded', supersession: { by, reason, at }, position: event.position }
        );
      }
      default: {
        const unknown: never = event;
        return unknown;
      }
    }
  },
};
