import { Query } from '@nestjs/cqrs';

/** The root CA and every signing certificate, as one PEM bundle. */
export class GetSigningCertificatesQuery extends Query<string> {}
