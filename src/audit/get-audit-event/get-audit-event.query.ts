import { Query } from '@nestjs/cqrs';
import type { Caller } from '../../identity/auth/caller.decorator.js';
import type { AuditEventDto } from './audit-event.response.dto.js';

/** One event of the audit log, whole but for its secrets. */
export class GetAuditEventQuery extends Query<AuditEventDto> {
  constructor(
    readonly caller: Caller,
    readonly eventId: string,
  ) {
    super();
  }
}
