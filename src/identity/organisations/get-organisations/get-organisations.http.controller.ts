import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageOf, type PageResponse } from '../../../shared/http/pagination.js';
import { Roles } from '../../auth/access.decorators.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { GetOrganisationsQueryDto } from './get-organisations.request.dto.js';
import { ListOrganisationsQuery } from './list-organisations.query.js';
import { GetOrganisationQuery } from './get-organisation.query.js';

@ApiTags('organisations')
@Controller('organisations')
export class GetOrganisationsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(['admin'])
  @ApiOperation({ summary: 'List organisations, by kind and municipality' })
  @ApiOkResponse({ type: PageOf(OrganisationResponseDto) })
  listOrganisations(
    @Query() query: GetOrganisationsQueryDto,
  ): Promise<PageResponse<OrganisationResponseDto>> {
    return this.queries.execute(new ListOrganisationsQuery(query));
  }

  @Get(':id')
  @Roles(['admin'])
  @ApiOperation({ summary: 'One organisation' })
  @ApiOkResponse({ type: OrganisationResponseDto })
  @ApiNotFoundResponse({ description: 'ORGANISATION.NOT_FOUND' })
  getOrganisation(@Param('id') id: string): Promise<OrganisationResponseDto> {
    return this.queries.execute(new GetOrganisationQuery(id));
  }
}
