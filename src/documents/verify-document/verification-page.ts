import { html } from '../../shared/http/html.js';
import { persianPage } from '../persian-page.js';
import { persianDateTimeText } from '../../shared/jalali.js';
import { fieldsAsPrinted } from '../document-labels.js';
import { DOCUMENT_STATUS_FA, DOCUMENT_TITLES_FA } from '../document-titles.js';
import type { DocumentVerification } from './document-verification.js';

/** The small page a phone opens from a document's QR code. */
export function verificationPage(v: DocumentVerification): string {
  const title = DOCUMENT_TITLES_FA[v.kind];
  const rows = fieldsAsPrinted(v.summary).map(
    ({ label, value }) =>
      html`<dt>${label}</dt>
        <dd>${value}</dd>`,
  );
  return persianPage(
    `استعلام اصالت ${title}`,
    html`<h1>استعلام اصالت سند</h1>
      <p class="status ${v.status}" id="status">وضعیت: ${DOCUMENT_STATUS_FA[v.status]}</p>
      ${v.revocation ? html`<p>علت ابطال: ${v.revocation.reason}</p>` : ''}
      ${v.supersededBy ? html`<p>جایگزین با سند <code dir="ltr" id="superseded-by">${v.supersededBy}</code></p>` : ''}
      <dl>
        <dt>نوع سند</dt>
        <dd>${title}</dd>
        <dt>شماره سند</dt>
        <dd><code dir="ltr" id="code">${v.code}</code></dd>
        <dt>صادرکننده</dt>
        <dd>${v.municipality.nameFa ?? v.municipality.id}</dd>
        <dt>تاریخ صدور</dt>
        <dd>${persianDateTimeText(v.issuedAt)}</dd>
        ${rows}
        <dt>امضای دیجیتال</dt>
        <dd>${v.signature.valid ? 'معتبر' : `نامعتبر (${v.signature.reason ?? ''})`}</dd>
        ${
          v.certificate
            ? html`<dt>گواهی امضا</dt>
                <dd>
                  <code dir="ltr">${v.certificate.subject}</code><br />معتبر تا
                  ${persianDateTimeText(v.certificate.validTo)}
                </dd>`
            : ''
        }
        <dt>چکیده محتوا (SHA-256)</dt>
        <dd><code dir="ltr">${v.contentSha256}</code></dd>
      </dl>`,
  );
}

export function notFoundPage(): string {
  return persianPage(
    'سند یافت نشد',
    html`<h1>استعلام اصالت سند</h1>
      <p class="status not_found" id="status">وضعیت: ${DOCUMENT_STATUS_FA.not_found}</p>
      <p>سندی با این شماره صادر نشده است. شماره را دوباره بررسی کنید.</p>`,
  );
}
