import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { listPage, PageOf, type PageResponse } from '../../../shared/http/pagination.js';
import { Roles } from '../../auth/access.decorators.js';
import { organisationNotFound } from '../organisation.decider.js';
import { OrganisationResponseDto } from '../organisation.response.dto.js';
import { OrganisationsReadModel } from '../organisations.read-model.js';
import { GetOrganisationsQueryDto } from './get-organisations.request.dto.js';

@ApiTags('organisations')
@Controller('organisations')
export class GetOrganisationsHttpController {
  constructor(private readonly organisations: OrganisationsReadModel) {}

  @Get()
  @Roles(['admin'])
  @ApiOperation({ summary: 'List organisations, by kind and municipality' })
  @ApiOkResponse({ type: PageOf(OrganisationResponseDto) })
  list(@Query() query: GetOrganisationsQueryDto): PageResponse<OrganisationResponseDto> {
    const where = { kind: query.kind, municipality: query.municipality };
    return listPage(this.organisations, query, { where }, (doc) => doc);
  }

  @Get(':id')
  @Roles(['admin'])
  @ApiOperation({ summary: 'One organisation' })
  @ApiOkResponse({ type: OrganisationResponseDto })
  @ApiNotFoundResponse({ description: 'ORGANISATION.NOT_FOUND' })
  get(@Param('id') id: string): OrganisationResponseDto {
    return this.organisations.getOr(id, organisationNotFound);
  }
}
