import { hasUnsafeText } from '../../signing/seal-format.js';
import { SEAL_V2_HOLDERS, type SealV2Fields } from '../../signing/seal-v2.js';
import { maskName } from '../shared/masking.js';
import type { DocumentContent } from './document.events.js';

/** The holders a seal names; the others are counted. More would make the QR code larger, not safer. */
export const SEAL_HOLDERS_NAMED = 4;
const ELLIPSIS = '…';

/**
 * What the printed paper says that a format-2 seal repeats, so that a genuine seal pasted on a forged
 * paper shows: the renewal code, the first holders' names masked as everywhere else the public sees
 * them and how many more there are, a permit's expiry and an inquiry answer's result. Always within
 * the seal's limits: a document is never refused for its seal.
 */
export function sealFactsOf(
  content: DocumentContent,
): Pick<SealV2Fields, 'renewalCode' | 'holders' | 'moreHolders' | 'expiresAt' | 'result'> {
  const { validUntil, outcome } = content.body;
  const more = content.holders.length - SEAL_HOLDERS_NAMED;
  return {
    ...(content.renewalCode ? { renewalCode: content.renewalCode } : {}),
    holders: content.holders.slice(0, SEAL_HOLDERS_NAMED).map((holder) => sealedName(holder.name)),
    ...(more > 0 ? { moreHolders: Math.min(more, SEAL_V2_HOLDERS.maxMore) } : {}),
    ...(typeof validUntil === 'string' ? { expiresAt: new Date(validUntil) } : {}),
    ...(content.kind === 'InquiryAnswer' && (outcome === 'cleared' || outcome === 'blocked')
      ? { result: outcome }
      : {}),
  };
}

/** The masked name without the controls a seal refuses, cut on a character to the seal's limit. */
function sealedName(name: string): string {
  const safe = [...name].map((c) => (!hasUnsafeText(c) ? c : /\s/.test(c) ? ' ' : '')).join('');
  const masked = maskName(safe);
  if (Buffer.byteLength(masked, 'utf8') <= SEAL_V2_HOLDERS.maxBytes) return masked;
  const room = SEAL_V2_HOLDERS.maxBytes - Buffer.byteLength(ELLIPSIS, 'utf8');
  let cut = '';
  for (const c of masked) {
    if (Buffer.byteLength(cut + c, 'utf8') > room) break;
    cut += c;
  }
  return cut.trimEnd() + ELLIPSIS;
}
