import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MunicipalitiesReadModel } from '../../identity/municipalities/municipalities.read-model.js';
import { AuditTrail, accessOf } from '../../audit/audit-trail.js';
import { DocumentAccess, documentScope } from '../document-access.js';
import { DocumentBarcodes } from '../get-document/document-barcodes.js';
import { documentPrintPage } from './document-print-page.js';
import { PrintDocumentQuery } from './print-document.query.js';

@QueryHandler(PrintDocumentQuery)
export class PrintDocumentHandler implements IQueryHandler<PrintDocumentQuery> {
  constructor(
    private readonly access: DocumentAccess,
    private readonly barcodes: DocumentBarcodes,
    private readonly municipalities: MunicipalitiesReadModel,
    private readonly trail: AuditTrail,
  ) {}

  async execute({ code, caller }: PrintDocumentQuery): Promise<string> {
    const record = this.access.readable(caller, code);
    this.trail.accessed(caller, accessOf('document_content', record.code, documentScope(record)));
    const [issued, code128Png] = await Promise.all([
      this.access.issued(record),
      this.barcodes.code128Png(record),
    ]);
    return documentPrintPage({
      record,
      content: issued.content,
      municipalityNameFa: this.municipalities.get(record.municipality)?.nameFa ?? record.municipality,
      qrSvg: this.barcodes.qrSvg(record),
      code128Png,
      verifyUrl: this.barcodes.verifyUrl(record.code),
    });
  }
}
