import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../access.decorators.js';
import { GetJwksQuery } from './get-jwks.query.js';
import { JwksResponseDto } from '../jwks.response.dto.js';

@ApiTags('identity')
@Controller('.well-known')
export class JwksHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('jwks.json')
  @Public()
  @ApiOperation({
    summary: "The public key of Daftar's access tokens (JWKS), for integrators that check tokens",
  })
  @ApiOkResponse({ type: JwksResponseDto })
  getJwks(): Promise<JwksResponseDto> {
    return this.queries.execute(new GetJwksQuery());
  }
}
