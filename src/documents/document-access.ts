import { Inject, Injectable } from '@nestjs/common';
import type { DocumentRecord } from '../../projections/documents/documents.projection.js';
import { parseDocumentCode } from '../../signing/document-code.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.js';
import type { Caller } from '../identity/auth/caller.decorator.js';
import type { RecordScope } from '../identity/record-access.js';
import type { Role } from '../identity/roles.js';
import { documentNotFound } from './document.decider.js';
import { documentStream, type DocumentEvent } from './document.events.js';
import { DocumentsReadModel } from './documents.read-model.js';

export type IssuedDocument = Extract<DocumentEvent, { type: 'DocumentIssued' }>['data'];

/**
 * Roles that may hold or handle documents (all but admin and integrator); which ones, per record. A
 * list, not "all but", so a new role reads no document until someone decides it should.
 */
export const DOCUMENT_READERS: readonly Role[] = [
  'citizen',
  'counter_office',
  'clerk',
  'surveyor',
  'inspector',
  'engineer',
  'signatory',
  'cashier',
  'notary',
  'bank',
  'utility',
  'oversight',
];

export function documentScope(record: DocumentRecord): RecordScope {
  return {
    municipality: record.municipality,
    ownerNationalIds: record.holderNationalIds,
    ...(record.organisation ? { organisation: record.organisation } : {}),
  };
}

/** Documents for their holders, the organisation they answer and the municipality's staff; 404 for others. */
@Injectable()
export class DocumentAccess {
  constructor(
    private readonly documents: DocumentsReadModel,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  readable(caller: Caller, codeInput: string): DocumentRecord {
    const code = parseDocumentCode(codeInput);
    const record = code === undefined ? undefined : this.documents.get(code);
    if (!record || caller.accessTo(documentScope(record)) === 'none') throw documentNotFound(codeInput);
    return record;
  }

  /** For the municipality's staff only (revocation, supersession). */
  handledBy(caller: Caller, codeInput: string): DocumentRecord {
    const record = this.readable(caller, codeInput);
    if (caller.accessTo(documentScope(record)) !== 'staff') throw documentNotFound(codeInput);
    return record;
  }

  /** The issuing event, with the signed content and the signature. */
  async issued(record: DocumentRecord): Promise<IssuedDocument> {
    const [first] = await this.store.readStream(documentStream(record.code), { maxCount: 1 });
    if (!first || first.type !== 'DocumentIssued') throw documentNotFound(record.code);
    return first.data as IssuedDocument;
  }
}
