import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../identity/auth/access.decorators.js';
import { CurrentCaller, type Caller } from '../../identity/auth/caller.decorator.js';
import { PageOf, type PageResponse } from '../../shared/http/pagination.js';
import { ListOfficeFilesQuery } from './list-office-files.query.js';
import { ListOfficeFilesQueryDto } from './list-office-files.request.dto.js';
import { OfficeFileDto } from './office-file.response.dto.js';

@ApiTags('counter offices')
@Controller('counter-office')
export class ListOfficeFilesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('files')
  @Roles(['counter_office'])
  @ApiOperation({
    summary:
      'The counter office’s worklist (کارتابل): the permit files and inquiries it handles for citizens',
    description:
      'Every permit file and inquiry the caller’s office opened or acted on for a citizen (from the events it ' +
      'recorded under X-On-Behalf-Of), with its status and tracking number now, the latest acted on first. ' +
      'No X-On-Behalf-Of needed; another office sees none of them.',
  })
  @ApiOkResponse({ type: PageOf(OfficeFileDto) })
  @ApiBadRequestResponse({ description: 'REQUEST.INVALID, REQUEST.INVALID_CURSOR, REQUEST.PAGE_TOO_DEEP' })
  listOfficeFiles(
    @Query() query: ListOfficeFilesQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PageResponse<OfficeFileDto>> {
    return this.queries.execute(new ListOfficeFilesQuery(caller, query));
  }
}
