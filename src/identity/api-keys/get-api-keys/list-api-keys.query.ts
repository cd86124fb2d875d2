import { Query } from '@nestjs/cqrs';
import type { PageResponse } from '../../../shared/http/pagination.js';
import type { ApiKeyResponseDto } from '../api-key.response.dto.js';
import type { GetApiKeysQueryDto } from './get-api-keys.request.dto.js';

export class ListApiKeysQuery extends Query<PageResponse<ApiKeyResponseDto>> {
  constructor(readonly query: GetApiKeysQueryDto) {
    super();
  }
}
