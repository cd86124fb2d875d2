import { Logger, Module } from '@nestjs/common';
import { APP_CONFIG } from '../config/app-config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { IdentityModule } from '../identity/identity.module.js';
import { DocumentAccess } from './document-access.js';
import { DocumentSigner } from './document-signer.js';
import { DocumentsReadModel } from './documents.read-model.js';
import { DocumentBarcodes } from './get-document/document-barcodes.js';
import { GetDocumentHttpController } from './get-document/get-document.http.controller.js';
import { PrintDocumentHttpController } from './print-document/print-document.http.controller.js';
import { loadSealKeys } from './signing-keys/seal-key.js';
import { loadSigningKeys } from './signing-keys/signing-keys.js';
import { VerifyDocumentHttpController } from './verify-document/verify-document.http.controller.js';

import { DocumentRevisions } from './document-revisions.js';
import { GetDocumentHandler } from './get-document/get-document.handler.js';
import { GetSignedDocumentHandler } from './get-document/get-signed-document.handler.js';
import { GetSigningCertificatesHandler } from './get-signing-certificates/get-signing-certificates.handler.js';
import { GetSigningCertificatesHttpController } from './get-signing-certificates/get-signing-certificates.http.controller.js';
import { IssueDocumentHandler } from './issue-document/issue-document.handler.js';
import { PrintDocumentHandler } from './print-document/print-document.handler.js';
import { RevokeDocumentHandler } from './revoke-document/revoke-document.handler.js';
import { RevokeDocumentHttpController } from './revoke-document/revoke-document.http.controller.js';
import { SupersedeDocumentHandler } from './supersede-document/supersede-document.handler.js';
import { SupersedeDocumentHttpController } from './supersede-document/supersede-document.http.controller.js';
import { VerifyDocumentHandler } from './verify-document/verify-document.handler.js';

/** Signed documents (اسناد): issuing, barcodes, printing, revocation and public verification. */
@Module({
  imports: [IdentityModule],
  controllers: [
    VerifyDocumentHttpController,
    GetSigningCertificatesHttpController,
    GetDocumentHttpController,
    PrintDocumentHttpController,
    RevokeDocumentHttpController,
    SupersedeDocumentHttpController,
  ],
  providers: [
    {
      provide: DocumentSigner,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const logger = new Logger('SigningKeys');
        const keyConfig = {
          production: config.production,
          dataDir: config.dataDir,
          signingKeyPath: config.signing.keyPath,
          signingCertPath: config.signing.certPath,
          caCertPath: config.signing.caCertPath,
          extraSigningCertPaths: config.signing.extraCertPaths,
          sealKeyPath: config.signing.sealKeyPath,
          sealCertPath: config.signing.sealCertPath,
        };
        const log = (message: string) => logger.warn(message);
        const keys = loadSigningKeys(keyConfig, log);
        return new DocumentSigner(keys, await loadSealKeys(keyConfig, keys.ca.certificatePem, log));
      },
    },
    DocumentsReadModel,
    DocumentAccess,
    DocumentBarcodes,
    DocumentRevisions,
    IssueDocumentHandler,
    RevokeDocumentHandler,
    SupersedeDocumentHandler,
    GetDocumentHandler,
    GetSignedDocumentHandler,
    PrintDocumentHandler,
    VerifyDocumentHandler,
    GetSigningCertificatesHandler,
  ],
  exports: [DocumentsReadModel],
})
export class DocumentsModule {}
