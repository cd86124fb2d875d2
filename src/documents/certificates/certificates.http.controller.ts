import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../identity/auth/access.decorators.js';
import { DocumentSigner } from '../document-signer.js';

@ApiTags('verification')
@Controller('.well-known/daftar')
export class CertificatesHttpController {
  constructor(private readonly signer: DocumentSigner) {}

  @Get('certificates')
  @Public()
  @ApiOperation({
    summary: 'The municipal root CA and every signing certificate (PEM), for offline verification',
    description: 'The CA comes first. Older signing certificates stay listed after a rotation.',
  })
  @ApiProduces('application/x-pem-file')
  @ApiOkResponse({ description: 'PEM bundle' })
  certificates(@Res({ passthrough: true }) reply: FastifyReply): string {
    void reply.type('application/x-pem-file').header('cache-control', 'public, max-age=3600');
    return this.signer.certificateBundle();
  }
}
