import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { encodeCursor, pageWindow } from '../../shared/http/pagination.js';
import { persianDateTimeText } from '../../shared/jalali.js';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { PermitAccess, permitScope } from '../permit-access.js';
import {
  PermitTimelineReadModel,
  TIMELINE_ORDER,
  type PermitTimelineEntry,
} from '../permit-timeline.read-model.js';
import { GetPermitTimelineQuery } from './get-permit-timeline.query.js';
import type { PermitTimelineItemDto, PermitTimelineResponseDto } from './permit-timeline.response.dto.js';

@QueryHandler(GetPermitTimelineQuery)
export class GetPermitTimelineHandler implements IQueryHandler<GetPermitTimelineQuery> {
  constructor(
    private readonly access: PermitAccess,
    private readonly timeline: PermitTimelineReadModel,
    private readonly users: UsersReadModel,
    private readonly trail: AuditTrail,
  ) {}

  async execute(query: GetPermitTimelineQuery): Promise<PermitTimelineResponseDto> {
    return this.answer(query);
  }

  /** The page, read synchronously from the read model. */
  answer({ caller, permitId: id, page: query }: GetPermitTimelineQuery): PermitTimelineResponseDto {
    const permit = this.access.ownedOrHandled(caller, id);
    const { permitId, trackingNumber } = permit;
    this.trail.accessed(caller, accessOf('permit_file', permitId, permitScope(permit)));
    const { items, next } = this.timeline.of(permitId, pageWindow(query, TIMELINE_ORDER));
    return {
      permitId,
      ...(trackingNumber ? { trackingNumber } : {}),
      items: items.map((entry) => this.item(entry)),
      ...(next ? { nextCursor: encodeCursor(next, TIMELINE_ORDER) } : {}),
    };
  }

  private item(entry: PermitTimelineEntry): PermitTimelineItemDto {
    const { id, type, titleFa, actor, recordedAt, recordedAtJalali, details } = entry;
    const displayName = this.users.get(actor.id)?.displayName ?? actor.id;
    return {
      id,
      type,
      titleFa,
      actor: { ...actor, displayName },
      recordedAt,
      recordedAtJalali,
      recordedAtFa: persianDateTimeText(recordedAt),
      details,
    };
  }
}
