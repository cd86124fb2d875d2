/** "زهرا احمدی" → "ز*** ا***": enough to tell owners apart, not enough to name them. */
export function maskName(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((word) => `${[...word][0] ?? ''}***`)
    .join(' ');
}

/** Only the last two digits stay. */
export function maskNationalId(nationalId: string): string {
  return `${'*'.repeat(Math.max(0, nationalId.length - 2))}${nationalId.slice(-2)}`;
}

/** "09121234567" → "0912***4567". */
export function maskMobile(mobile: string): string {
  return mobile.length > 8 ? `${mobile.slice(0, 4)}***${mobile.slice(-4)}` : '***';
}

/** "zahra.ahmadi@example.ir" → "z***@example.ir": the mail domain stays, the mailbox does not. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return at > 0 ? `${[...address][0]}***${address.slice(at)}` : '***';
}
