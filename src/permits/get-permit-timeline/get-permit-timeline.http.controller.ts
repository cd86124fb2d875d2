import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { UsersReadModel } from '../../identity/users/users.read-model.js';
import { encodeCursor, pageWindow } from '../../shared/http/pagination.js';
import { persianDateTimeText } from '../../shared/jalali.js';
import { PERMIT_READERS, PermitAccess } from '../permit-access.js';
import {
  PermitTimelineReadModel,
  TIMELINE_ORDER,
  type PermitTimelineEntry,
} from '../permit-timeline.read-model.js';
import { PermitTimelineQueryDto } from './get-permit-timeline.request.dto.js';
import { PermitTimelineItemDto, PermitTimelineResponseDto } from './permit-timeline.response.dto.js';

@ApiTags('permits')
@Controller('permits')
export class GetPermitTimelineHttpController {
  constructor(
    private readonly access: PermitAccess,
    private readonly timeline: PermitTimelineReadModel,
    private readonly users: UsersReadModel,
  ) {}

  @Get(':id/timeline')
  @Roles(PERMIT_READERS)
  @ApiOperation({ summary: 'Everything done on a permit file, by whom and when, oldest first' })
  @ApiHeader({
    name: 'X-On-Behalf-Of',
    required: false,
    description: 'counter offices: the national id of the applicant they act for',
  })
  @ApiOkResponse({ type: PermitTimelineResponseDto })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID, REQUEST.INVALID_CURSOR, REQUEST.PAGE_TOO_DEEP' })
  @ApiNotFoundResponse({ description: 'PERMIT.NOT_FOUND: unknown, or not the caller’s to see' })
  get(
    @Param('id') id: string,
    @Query() query: PermitTimelineQueryDto,
    @CurrentCaller() caller: Caller,
  ): PermitTimelineResponseDto {
    const { permitId } = this.access.ownedOrHandled(caller, id);
    const { items, next } = this.timeline.of(permitId, pageWindow(query, TIMELINE_ORDER));
    return {
      permitId,
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
