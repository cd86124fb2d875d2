import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { DocumentRequest } from '../../src/documents/issue-document/issue-document.command.js';
import { IssueDocumentHandler } from '../../src/documents/issue-document/issue-document.handler.js';

export const PERMIT_HOLDER = { nationalId: '0013542419', name: 'زهرا احمدی' } as const;

/** A building permit's document for hamedan's parcel 1-1-1-1-0-0-0, with `body` added to its own. */
export function permitDocumentRequest(
  body: Record<string, unknown> = {},
  permitId: string = randomUUID(),
): DocumentRequest {
  return {
    kind: 'BuildingPermit',
    municipality: 'hamedan',
    renewalCode: '1-1-1-1-0-0-0',
    holders: [PERMIT_HOLDER],
    body: { permitId, applicationType: 'NewConstruction', floors: 4, use: 'residential', units: 8, ...body },
    subject: { stream: `permit-${permitId}`, eventId: randomUUID() },
  };
}

export const documentContext = () => ({
  actor: { id: 'system:test', role: 'system' },
  correlationId: 'test',
  causationId: 'test',
  now: new Date().toISOString(),
});

/** A document issued under `code`, such as one of the check symbols new codes no longer take (`* ~ $ = U`). */
export function issueUnderCode(app: INestApplication, code: string, request: DocumentRequest): Promise<void> {
  return app.get(IssueDocumentHandler).issueUnder(code, request, documentContext());
}
