import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { listPage, type PageResponse } from '../../../shared/http/pagination.js';
import { ApiKeyResponseDto, toApiKeyResponse } from '../api-key.response.dto.js';
import { ApiKeysReadModel } from '../api-keys.read-model.js';
import { ListApiKeysQuery } from './list-api-keys.query.js';

@QueryHandler(ListApiKeysQuery)
export class ListApiKeysHandler implements IQueryHandler<ListApiKeysQuery> {
  constructor(private readonly apiKeys: ApiKeysReadModel) {}

  async execute(query: ListApiKeysQuery): Promise<PageResponse<ApiKeyResponseDto>> {
    return this.page(query);
  }

  /** One page, read synchronously from the read model. */
  page({ query }: ListApiKeysQuery): PageResponse<ApiKeyResponseDto> {
    return listPage(
      this.apiKeys,
      query,
      { where: { organisation: query.organisation }, orderBy: 'issuedAt' },
      toApiKeyResponse,
    );
  }
}
