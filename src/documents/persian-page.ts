import { html, SafeHtml } from '../shared/http/html.js';

export const VERIFICATION_STYLE = `body{font-family:Tahoma,Vazirmatn,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.8}
.status{font-size:1.4rem;padding:.5rem 1rem;border-radius:.4rem}
.valid{background:#e6f4ea;color:#1e6b34}.revoked,.superseded,.not_found{background:#fdecea;color:#8a1c1c}
dt{font-weight:bold}dd{margin:0 0 .5rem}code{unicode-bidi:isolate;word-break:break-all}`;

/** A complete right-to-left Persian page. */
export function persianPage(title: string, body: SafeHtml, style = VERIFICATION_STYLE): string {
  return html`<!doctype html>
    <html lang="fa" dir="rtl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title}</title>
        <style>
          ${new SafeHtml(style)}
        </style>
      </head>
      <body>
        ${body}
      </body>
    </html>`.markup;
}
