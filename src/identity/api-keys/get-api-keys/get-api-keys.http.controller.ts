import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { listPage, PageOf, type PageResponse } from '../../../shared/http/pagination.js';
import { Roles } from '../../auth/access.decorators.js';
import { ApiKeyResponseDto, toApiKeyResponse } from '../api-key.response.dto.js';
import { ApiKeysReadModel } from '../api-keys.read-model.js';
import { GetApiKeysQueryDto } from './get-api-keys.request.dto.js';

@ApiTags('api-keys')
@Controller('api-keys')
export class GetApiKeysHttpController {
  constructor(private readonly apiKeys: ApiKeysReadModel) {}

  @Get()
  @Roles(['admin'])
  @ApiOperation({ summary: 'List API keys, by organisation (never their secrets)' })
  @ApiOkResponse({ type: PageOf(ApiKeyResponseDto) })
  list(@Query() query: GetApiKeysQueryDto): PageResponse<ApiKeyResponseDto> {
    return listPage(
      this.apiKeys,
      query,
      { where: { organisation: query.organisation }, orderBy: 'issuedAt' },
      toApiKeyResponse,
    );
  }
}
