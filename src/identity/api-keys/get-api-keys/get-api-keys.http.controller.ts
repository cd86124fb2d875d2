import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageOf, type PageResponse } from '../../../shared/http/pagination.js';
import { Roles } from '../../auth/access.decorators.js';
import { ApiKeyResponseDto } from '../api-key.response.dto.js';
import { GetApiKeysQueryDto } from './get-api-keys.request.dto.js';
import { ListApiKeysQuery } from './list-api-keys.query.js';

@ApiTags('api-keys')
@Controller('api-keys')
export class GetApiKeysHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(['admin'])
  @ApiOperation({ summary: 'List API keys, by organisation (never their secrets)' })
  @ApiOkResponse({ type: PageOf(ApiKeyResponseDto) })
  listApiKeys(@Query() query: GetApiKeysQueryDto): Promise<PageResponse<ApiKeyResponseDto>> {
    return this.queries.execute(new ListApiKeysQuery(query));
  }
}
