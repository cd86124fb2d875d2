import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from './access.decorators.js';
import { TokenSigner } from './token-signer.js';

@ApiTags('identity')
@Controller('.well-known')
export class JwksHttpController {
  constructor(private readonly tokens: TokenSigner) {}

  @Get('jwks.json')
  @Public()
  @ApiOperation({
    summary: "The public key of Daftar's access tokens (JWKS), for integrators that check tokens",
  })
  @ApiOkResponse({ description: '{ keys: [JWK] }' })
  jwks() {
    return this.tokens.jwks();
  }
}
