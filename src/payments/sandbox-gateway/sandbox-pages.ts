import { persianPage } from '../../documents/persian-page.js';
import { html } from '../../shared/http/html.js';
import { persianDigits } from '../../shared/jalali.js';
import { PURPOSE_FA } from '../payment-purposes.js';
import type { GatewayCallbackAnswerDto } from '../gateway-callback/gateway-callback-answer.response.dto.js';
import { paymentResultPage } from '../payment-result-page.js';
import type { PaymentView } from '../payments.read-model.js';

const STYLE = `body{font-family:Tahoma,Vazirmatn,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;line-height:1.8}
.note{background:#fff4e5;padding:.5rem 1rem;border-radius:.4rem}dt{font-weight:bold}dd{margin:0 0 .5rem}
form{display:inline-block;margin-left:.5rem}button{font:inherit;padding:.4rem 1.5rem}
code{unicode-bidi:isolate}`;
const TITLE = 'درگاه پرداخت آزمایشی';

const rials = (amount: number) => `${persianDigits(amount.toLocaleString('en-US'))} ریال`;

/** The page the payer lands on: the amount, and pay or cancel while the payment is open. */
export function sandboxPaymentPage(payment: PaymentView, startUrl: string): string {
  const open = payment.status === 'started';
  return persianPage(
    TITLE,
    html`<h1>${TITLE}</h1>
      <p class="note">این درگاه فقط برای نسخهٔ نمایشی است و پولی جابه‌جا نمی‌کند.</p>
      <dl>
        <dt>مبلغ</dt>
        <dd id="amount">${rials(payment.amount)}</dd>
        <dt>بابت</dt>
        <dd>${PURPOSE_FA[payment.purpose]}</dd>
        <dt>شمارهٔ پرونده</dt>
        <dd><code dir="ltr">${payment.permitId}</code></dd>
      </dl>
      ${
        open
          ? html`<form method="post" action="${startUrl}/pay"><button type="submit">پرداخت</button></form>
              <form method="post" action="${startUrl}/cancel"><button type="submit">انصراف</button></form>`
          : html`<p id="status">این پرداخت بسته شده است.</p>`
      }`,
    STYLE,
  );
}

/** What the payer sees after pressing a button. */
export const sandboxResultPage = (answer: GatewayCallbackAnswerDto) =>
  paymentResultPage(answer, TITLE, STYLE);
