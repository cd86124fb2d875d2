import type { PaymentPurpose } from '../permits/permit.events.js';

/** What a payment is for, as the payer reads it at the gateway. */
export const PURPOSE_FA: { readonly [purpose in PaymentPurpose]: string } = {
  fees: 'عوارض پروانهٔ ساختمانی',
  fine: 'جریمهٔ کمیسیون ماده ۱۰۰',
  renewal: 'عوارض تمدید پروانهٔ ساختمانی',
};
