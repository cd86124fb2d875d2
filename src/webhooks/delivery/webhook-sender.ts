import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Logger } from '@nestjs/common';
import { isPublicAddress } from '../target-address.js';

export interface WebhookMessage {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export type SendOutcome =
  | { readonly ok: true; readonly statusCode: number }
  | { readonly ok: false; readonly statusCode?: number; readonly error: string };

export type Resolve = (host: string) => Promise<readonly LookupAddress[]>;

const resolveAll: Resolve = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

/**
 * Posts one delivery. The host is resolved once, every address judged (SSRF) and the connection
 * pinned to the first, so a second lookup (DNS rebinding) cannot swap it; redirects are not followed.
 */
export class WebhookSender {
  constructor(
    private readonly options: { readonly allowPrivate: boolean; readonly timeoutMs: number },
    private readonly resolve: Resolve = resolveAll,
  ) {}

  async send(message: WebhookMessage): Promise<SendOutcome> {
    const url = new URL(message.url);
    let target: LookupAddress;
    try {
      target = await resolveTarget(url.hostname, this.options.allowPrivate, this.resolve);
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
    return this.post(url, target, message);
  }

  private post(url: URL, target: LookupAddress, message: WebhookMessage): Promise<SendOutcome> {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const options: RequestOptions = {
      method: 'POST',
      headers: { ...message.headers, 'content-length': Buffer.byteLength(message.body) },
      timeout: this.options.timeoutMs,
      signal: AbortSignal.timeout(this.options.timeoutMs),
      agent: false,
      lookup: (_host, lookupOptions, callback) => {
        if ((lookupOptions as { all?: boolean }).all) callback(null, [target] as never);
        else callback(null, target.address, target.family);
      },
    };
    return new Promise((resolve) => {
      const req = request(url, options, (response) => {
        response.resume();
        const statusCode = response.statusCode ?? 0;
        const settle = () =>
          resolve(
            statusCode >= 200 && statusCode < 300
              ? { ok: true, statusCode }
              : { ok: false, statusCode, error: failure(statusCode) },
          );
        response.on('end', settle);
        response.on('error', settle);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${this.options.timeoutMs} ms`)));
      req.on('error', (error) => resolve({ ok: false, error: error.message }));
      req.end(message.body);
    });
  }
}

/** Said to the owner and kept in the delivery log: which internal address a name has is not theirs to learn. */
export const NOT_PUBLIC = "the URL's host resolves to an address that is not public";

const logger = new Logger('Webhooks');

/**
 * The address to connect to: every address the host resolves to must be public, unless private targets
 * are allowed; the first is the one used. The refused address goes to the server's log only.
 */
export async function resolveTarget(
  hostname: string,
  allowPrivate: boolean,
  resolve: Resolve = resolveAll,
): Promise<LookupAddress> {
  const host = hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await resolve(host);
  const first = addresses[0];
  if (!first) throw new Error(`${host} has no address`);
  const blocked = addresses.find((a) => !isPublicAddress(a.address));
  if (blocked && !allowPrivate) {
    logger.warn(`webhook target ${host} refused: it resolves to ${blocked.address}`);
    throw new Error(NOT_PUBLIC);
  }
  return first;
}

function failure(statusCode: number): string {
  return statusCode >= 300 && statusCode < 400 ? 'redirects are not followed' : `answered ${statusCode}`;
}
