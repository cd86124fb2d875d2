import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { CertificatesHttpController } from './certificates/certificates.http.controller.js';
import { DocumentAccess } from './document-access.js';
import { DocumentSigner } from './document-signer.js';
import { DocumentsReadModel } from './documents.read-model.js';
import { DocumentBarcodes } from './get-document/document-barcodes.js';
import { GetDocumentHttpController } from './get-document/get-document.http.controller.js';
import { DocumentIssuer } from './issue-document/document-issuer.js';
import { PrintDocumentHttpController } from './print-document/print-document.http.controller.js';
import { ReviseDocumentHttpController } from './revise-document/revise-document.http.controller.js';
import { loadSigningKeys } from './signing-keys/signing-keys.js';
import { DocumentVerifier } from './verify-document/document-verification.js';
import { VerifyDocumentHttpController } from './verify-document/verify-document.http.controller.js';

/** Signed documents (اسناد): issuing, barcodes, printing, revocation and public verification. */
@Module({
  imports: [IdentityModule],
  controllers: [
    VerifyDocumentHttpController,
    CertificatesHttpController,
    GetDocumentHttpController,
    PrintDocumentHttpController,
    ReviseDocumentHttpController,
  ],
  providers: [
    {
      provide: DocumentSigner,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('SigningKeys');
        return new DocumentSigner(
          loadSigningKeys(
            {
              production: config.production,
              dataDir: config.dataDir,
              signingKeyPath: config.signing.keyPath,
              signingCertPath: config.signing.certPath,
              caCertPath: config.signing.caCertPath,
              extraSigningCertPaths: config.signing.extraCertPaths,
            },
            (message) => logger.warn(message),
          ),
        );
      },
    },
    DocumentsReadModel,
    DocumentAccess,
    DocumentBarcodes,
    DocumentVerifier,
    DocumentIssuer,
  ],
  exports: [DocumentIssuer, DocumentsReadModel],
})
export class DocumentsModule {}
