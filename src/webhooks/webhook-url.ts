import { isIP } from 'node:net';
import { isPublicAddress } from './target-address.js';

export const MAX_URL_LENGTH = 2000;

/** Where a webhook may point, as the configuration says. */
export interface TargetRules {
  /** Production: `https` only. */
  readonly httpsOnly: boolean;
  /** `DAFTAR_WEBHOOK_ALLOW_PRIVATE_TARGETS`: loopback and private addresses allowed (demo, tests). */
  readonly allowPrivate: boolean;
}

/**
 * What is wrong with a webhook URL as written, or undefined. Names are judged again after every DNS
 * lookup at delivery (`resolveTarget`); here only what the URL itself says.
 */
export function webhookUrlProblem(text: string, rules: TargetRules): string | undefined {
  if (text.length > MAX_URL_LENGTH) return `A webhook URL has at most ${MAX_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'The webhook URL is not an absolute URL';
  }
  const schemes = rules.httpsOnly ? ['https:'] : ['https:', 'http:'];
  if (!schemes.includes(url.protocol))
    return `A webhook URL must use ${rules.httpsOnly ? 'https' : 'http or https'}`;
  if (url.username || url.password) return 'A webhook URL carries no credentials';
  if (url.hash) return 'A webhook URL has no fragment';
  if (rules.allowPrivate) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 ? !isPublicAddress(host) : isLocalName(host))
    return 'A webhook may not point at a loopback, private or link-local address';
  return undefined;
}

function isLocalName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || !name.includes('.');
}
