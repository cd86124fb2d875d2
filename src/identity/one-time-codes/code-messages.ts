import { CODE_POLICY } from './one-time-code.js';

const minutes = new Intl.NumberFormat('fa-IR').format(CODE_POLICY.validMs / 60_000);

/** The texts of the code messages (Persian); the code stays in ASCII digits so phones offer to fill it in. */
export const codeMessages = {
  registration: (code: string) =>
    `دفتر (شهرداری الکترونیک)\nکد تأیید ثبت‌نام شما: ${code}\nاین کد ${minutes} دقیقه اعتبار دارد. آن را به هیچ‌کس ندهید.`,
  consent: (code: string, office: string, hours: number) =>
    `دفتر (شهرداری الکترونیک)\n${office} می‌خواهد تا ${new Intl.NumberFormat('fa-IR').format(hours)} ساعت از طرف شما اقدام کند.\nاگر موافقید این کد را به متصدی بگویید: ${code}\nاگر درخواست نکرده‌اید، کد را به کسی ندهید.`,
} as const;
