import { AUDIT_FACTS, type AuditFacts } from '../../projections/audit/audit-facts.js';
import type { DaftarEvent } from '../../projections/daftar-events.js';
import type { RecordedEvent } from '../event-store/event-envelope.js';

/** Where a stream belongs: its municipality, and the organisation that began it (an inquiry's filer). */
export interface StreamOrigin {
  readonly municipality?: string;
  readonly organisation?: string;
}

/** What the event itself says of its place and its requesting organisation. */
export function ownOrigin(event: RecordedEvent): StreamOrigin {
  const known = event as RecordedEvent<DaftarEvent>;
  const facts = (AUDIT_FACTS[known.type] as ((data: unknown) => AuditFacts) | undefined)?.(known.data);
  const organisation = requestingOrganisation(known);
  return {
    ...(facts?.municipality ? { municipality: facts.municipality } : {}),
    ...(organisation ? { organisation } : {}),
  };
}

/**
 * A later event's origin: its stream's first event decides the organisation; the event's own place
 * comes first, since a permit's later events name none.
 */
export function laterOrigin(own: StreamOrigin, first: StreamOrigin): StreamOrigin {
  const municipality = own.municipality ?? first.municipality;
  const organisation = first.organisation;
  return { ...(municipality ? { municipality } : {}), ...(organisation ? { organisation } : {}) };
}

function requestingOrganisation(event: RecordedEvent<DaftarEvent>): string | undefined {
  if (event.type === 'InquiryFiled' && 'organisation' in event.data.requester)
    return event.data.requester.organisation;
  if (event.type === 'DocumentIssued') return event.data.content.organisation;
  return undefined;
}
