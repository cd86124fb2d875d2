import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageOf, PaginationQueryDto, type PageResponse } from '../../../shared/http/pagination.js';
import { Public } from '../../auth/access.decorators.js';
import { MunicipalityResponseDto } from '../municipality.dto.js';
import { ListMunicipalitiesQuery } from './list-municipalities.query.js';
import { GetMunicipalityQuery } from './get-municipality.query.js';

/** Tenants and their regions are public: citizens pick them before signing in. */
@ApiTags('municipalities')
@Controller('municipalities')
export class GetMunicipalitiesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List municipalities with their regions' })
  @ApiOkResponse({ type: PageOf(MunicipalityResponseDto) })
  listMunicipalities(@Query() query: PaginationQueryDto): Promise<PageResponse<MunicipalityResponseDto>> {
    return this.queries.execute(new ListMunicipalitiesQuery(query));
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One municipality with its regions' })
  @ApiOkResponse({ type: MunicipalityResponseDto })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  getMunicipality(@Param('code') code: string): Promise<MunicipalityResponseDto> {
    return this.queries.execute(new GetMunicipalityQuery(code));
  }
}
