import type { DocumentRecord } from '../../../projections/documents/documents.projection.js';
import { html, leftToRight, leftToRightText, SafeHtml } from '../../shared/http/html.js';
import { persianDateTimeText } from '../../shared/jalali.js';
import type { DocumentContent } from '../document.events.js';
import { fieldLabelFa, fieldsAsPrinted, type PrintedField } from '../document-labels.js';
import { DOCUMENT_STATUS_FA, DOCUMENT_TITLES_FA } from '../document-titles.js';
import { persianPage } from '../persian-page.js';

const PRINT_STYLE = `@page{size:A4;margin:18mm}
body{font-family:Tahoma,Vazirmatn,sans-serif;max-width:180mm;margin:0 auto;line-height:1.9;color:#111}
header{display:flex;justify-content:space-between;align-items:flex-start;border-bottom:2px solid #333}
h1{font-size:1.5rem;margin:.2rem 0}table{width:100%;border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #999;padding:.25rem .5rem;text-align:right;vertical-align:top}th{background:#f2f2f2;width:35%}
.warning{border:2px solid #a00;color:#a00;padding:.5rem;font-weight:bold}
footer{display:flex;justify-content:space-between;align-items:flex-end;border-top:1px solid #333;margin-top:1rem;padding-top:.5rem}
.qr svg{width:38mm;height:38mm}.code128{height:14mm}code{unicode-bidi:isolate;font-size:.8rem;word-break:break-all}`;

export interface PrintableDocument {
  readonly record: DocumentRecord;
  readonly content: DocumentContent;
  readonly municipalityNameFa: string;
  readonly qrSvg: string;
  readonly code128Png: Buffer;
  readonly verifyUrl: string;
}

/** The document as issued, in Persian, right to left, ready for the browser's print to PDF. */
export function documentPrintPage(doc: PrintableDocument): string {
  const { record, content } = doc;
  const title = DOCUMENT_TITLES_FA[content.kind];
  const rows = [
    ...fieldsAsPrinted(content.renewalCode ? { renewalCode: content.renewalCode } : {}).map(row),
    ...content.holders.map((h) =>
      row({ label: fieldLabelFa('holders'), value: html`${h.name} (کد ملی ${leftToRight(h.nationalId)})` }),
    ),
    ...fieldsAsPrinted(content.body).map(row),
  ];
  return persianPage(
    `${title} ${leftToRightText(record.code)}`,
    html`<header>
        <div>
          <h1 id="title">${title}</h1>
          <div>${doc.municipalityNameFa}</div>
        </div>
        <div>
          شماره سند: <code id="code" dir="ltr">${record.code}</code><br />تاریخ صدور:
          <span id="issued">${persianDateTimeText(content.issuedAt)}</span>
        </div>
      </header>
      ${record.status === 'valid' ? '' : html`<p class="warning">این سند ${DOCUMENT_STATUS_FA[record.status]} است و اعتبار ندارد.</p>`}
      <table>
        <tbody>
          ${rows}
        </tbody>
      </table>
      <footer>
        <div>
          <div class="qr">${new SafeHtml(doc.qrSvg)}</div>
          <img
            class="code128"
            alt="${record.code}"
            src="data:image/png;base64,${doc.code128Png.toString('base64')}"
          />
        </div>
        <div>
          این سند به‌صورت الکترونیکی امضا شده است. برای بررسی اصالت، رمزینه را بخوانید یا به نشانی زیر
          بروید:<br />
          <code dir="ltr">${doc.verifyUrl}</code><br />شناسه کلید امضا: <code dir="ltr">${record.keyId}</code
          ><br />چکیده محتوا: <code dir="ltr">${record.contentSha256}</code>
        </div>
      </footer>`,
    PRINT_STYLE,
  );
}

function row({ label, value }: PrintedField) {
  return html`<tr>
    <th>${label}</th>
    <td>${value}</td>
  </tr>`;
}
