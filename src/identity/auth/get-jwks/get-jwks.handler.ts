import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { JwksResponseDto } from '../jwks.response.dto.js';
import { TokenSigner } from '../token-signer.js';
import { GetJwksQuery } from './get-jwks.query.js';

@QueryHandler(GetJwksQuery)
export class GetJwksHandler implements IQueryHandler<GetJwksQuery> {
  constructor(private readonly tokens: TokenSigner) {}

  execute(): Promise<JwksResponseDto> {
    return this.tokens.jwks();
  }
}
