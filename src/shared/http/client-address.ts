import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key that rate limits and login throttles count a client address under. One IPv6 subscriber gets a
 * whole /64, so an IPv6 address counts by its /64 prefix; an IPv4-mapped IPv6 address counts as its IPv4.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (isIPv4(address) || !isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('%')[0]!.split('::') as [string, string?];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((group) =>
    (group || '0').toLowerCase().replace(/^0+(?=.)/, ''),
  );
}
