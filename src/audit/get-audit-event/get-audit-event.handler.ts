import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.js';
import { DomainError } from '../../shared/domain-error.js';
import { auditAreasOf } from '../audit-scope.js';
import { AuditTrail } from '../audit-trail.js';
import { ActorNames } from '../audit-log/actor-names.js';
import { toAuditEventRow } from '../audit-log/audit-event-row.response.dto.js';
import { AuditLogReadModel } from '../audit-log/audit-log.read-model.js';
import type { AuditEventDto } from './audit-event.response.dto.js';
import { redacted } from './event-redaction.js';
import { GetAuditEventQuery } from './get-audit-event.query.js';

@QueryHandler(GetAuditEventQuery)
export class GetAuditEventHandler implements IQueryHandler<GetAuditEventQuery> {
  constructor(
    private readonly log: AuditLogReadModel,
    private readonly names: ActorNames,
    private readonly trail: AuditTrail,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ caller, eventId }: GetAuditEventQuery): Promise<AuditEventDto> {
    const areas = auditAreasOf(caller.signedIn);
    const row = this.log.byEventId(eventId, areas);
    this.trail.queried(caller, { query: 'event', filters: { eventId }, results: row ? 1 : 0, areas });
    // Outside the caller's areas is the same answer as unknown: it says nothing of other cities.
    if (!row) throw notFound(eventId);
    const [event] = await this.store.readStream(row.stream, {
      fromRevision: BigInt(row.revision),
      maxCount: 1,
    });
    if (event?.id !== eventId) throw notFound(eventId);
    return {
      entry: toAuditEventRow(row, (id) => this.names.nameOf(id)),
      stream: event.stream,
      revision: row.revision,
      position: event.position,
      ...redacted(event),
      subjects: this.log.subjectsOf(row.seq),
    };
  }
}

function notFound(eventId: string): DomainError {
  return new DomainError('AUDIT.EVENT_NOT_FOUND', `No event ${eventId} in your areas`, 'not_found', {
    eventId,
  });
}
