import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import { GetSigningCertificatesQuery } from './get-signing-certificates.query.js';

@ApiTags('verification')
@Controller('.well-known/daftar')
export class GetSigningCertificatesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('certificates')
  @Public()
  @ApiOperation({
    summary: 'The municipal root CA and every signing certificate (PEM), for offline verification',
    description: 'The CA comes first. Older signing certificates stay listed after a rotation.',
  })
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'PEM bundle' })
  async getSigningCertificates(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const bundle = await this.queries.execute(new GetSigningCertificatesQuery());
    void reply.type('application/x-pem-file').header('cache-control', 'public, max-age=3600');
    return bundle;
  }
}
