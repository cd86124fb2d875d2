import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PageOf, type PageResponse } from '../../shared/http/pagination.js';
import { InspectionDueDto } from './inspection-due.response.dto.js';
import { ListInspectionsQuery } from './list-inspections.query.js';
import { ListInspectionsQueryDto } from './list-inspections.request.dto.js';

@ApiTags('permits')
@Controller('inspections')
export class ListInspectionsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('worklist')
  @Roles(['inspector', 'clerk', 'oversight'])
  @ApiOperation({
    summary: 'The inspections of construction stages waiting, with their deadlines, overdue first',
    description:
      'An inspector (بازرس ساختمان) sees the stages assigned to them; clerks and oversight the stages under way ' +
      'in their municipality (and regions), `unassigned=true` those no inspector was found for. No personal data.',
  })
  @ApiOkResponse({ type: PageOf(InspectionDueDto) })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID, REQUEST.INVALID_CURSOR, REQUEST.PAGE_TOO_DEEP' })
  listInspections(
    @Query() query: ListInspectionsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PageResponse<InspectionDueDto>> {
    return this.queries.execute(new ListInspectionsQuery(caller, query));
  }
}
