import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DocumentSigner } from '../document-signer.js';
import { GetSigningCertificatesQuery } from './get-signing-certificates.query.js';

@QueryHandler(GetSigningCertificatesQuery)
export class GetSigningCertificatesHandler implements IQueryHandler<GetSigningCertificatesQuery> {
  constructor(private readonly signer: DocumentSigner) {}

  async execute(): Promise<string> {
    return this.signer.certificateBundle();
  }
}
