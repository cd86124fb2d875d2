import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { listPage, PageOf, PaginationQueryDto, type PageResponse } from '../../../shared/http/pagination.js';
import { Public } from '../../auth/access.decorators.js';
import { MunicipalitiesReadModel } from '../municipalities.read-model.js';
import { municipalityNotFound } from '../municipality.decider.js';
import { MunicipalityResponseDto } from '../municipality.dto.js';

/** Tenants and their regions are public: citizens pick them before signing in. */
@ApiTags('municipalities')
@Controller('municipalities')
export class GetMunicipalitiesHttpController {
  constructor(private readonly municipalities: MunicipalitiesReadModel) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'List municipalities with their regions' })
  @ApiOkResponse({ type: PageOf(MunicipalityResponseDto) })
  list(@Query() query: PaginationQueryDto): PageResponse<MunicipalityResponseDto> {
    return listPage(this.municipalities, query, {}, (doc) => doc);
  }

  @Get(':code')
  @Public()
  @ApiOperation({ summary: 'One municipality with its regions' })
  @ApiOkResponse({ type: MunicipalityResponseDto })
  @ApiNotFoundResponse({ description: 'MUNICIPALITY.NOT_FOUND' })
  get(@Param('code') code: string): MunicipalityResponseDto {
    return this.municipalities.getOr(code, municipalityNotFound);
  }
}
