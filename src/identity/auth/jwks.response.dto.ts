import { ApiProperty } from '@nestjs/swagger';

/** RFC 7517 JSON Web Key Set: the keys that verify Daftar's access tokens. */
export class JwksResponseDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    example: [{ kty: 'OKP', crv: 'Ed25519', x: '…', kid: '…', alg: 'EdDSA', use: 'sig' }],
  })
  keys!: Record<string, unknown>[];
}
