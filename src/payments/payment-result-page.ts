import { persianPage } from '../documents/persian-page.js';
import { html } from '../shared/http/html.js';
import type { GatewayCallbackAnswerDto } from './gateway-callback/gateway-callback-answer.response.dto.js';
import type { ReturnStatus } from './zarinpal-return/zarinpal-return-answer.response.dto.js';

type Outcome = GatewayCallbackAnswerDto['status'] | ReturnStatus;

/** The heading and, where the payer has something to do or know, a line under it. */
const SAYS: { readonly [outcome in Outcome]: readonly [string, string?] } = {
  confirmed: ['پرداخت انجام شد'],
  rejected_by_file: [
    'پرداخت انجام شد، اما پرونده آن را نپذیرفت',
    'مبلغ به شما بازگردانده می‌شود: درخواست بازپرداخت (استرداد وجه) ثبت شده است.',
  ],
  not_paid_yet: [
    'پرداخت هنوز تأیید نشده است',
    'اگر پرداخت کرده‌اید، چند دقیقهٔ دیگر دوباره این صفحه را باز کنید؛ پرداخت تا پایان مهلتش بررسی و ثبت می‌شود.',
  ],
  cancelled: ['پرداخت لغو شد', 'اگر مبلغی از حساب شما کم شده است، تا پایان مهلت پرداخت بررسی و ثبت می‌شود.'],
  failed: ['پرداخت لغو شد'],
  expired: ['مهلت این پرداخت گذشته است', 'برای پرداخت، از پروندهٔ خود دوباره اقدام کنید.'],
};

/** What the payer sees once the gateway has answered: paid (with the reference), refused by the file, or not. */
export function paymentResultPage(
  answer: { readonly status: Outcome; readonly reference?: string },
  title: string,
  style: string,
): string {
  const [heading, line] = SAYS[answer.status];
  return persianPage(
    title,
    html`<h1 id="status" data-status="${answer.status}">${heading}</h1>
      ${line ? html`<p>${line}</p>` : ''}
      ${answer.reference ? html`<p>کد پیگیری: <code id="reference" dir="ltr">${answer.reference}</code></p>` : ''}`,
    style,
  );
}
