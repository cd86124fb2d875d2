import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook may never reach (SSRF): loopback, private, link-local, unique-local, shared
 * (CGNAT), multicast, unspecified and other special-purpose ranges, IPv4 and IPv6 alike.
 */
const BLOCKED_V4: readonly [string, number][] = [
  ['0.0.0.0', 8], // this network, unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // shared address space (CGNAT)
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];
const BLOCKED_V6: readonly [string, number][] = [
  ['::', 128], // unspecified
  ['::1', 128],
  ['::', 96], // IPv4-compatible (deprecated)
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
];
/** IPv6 prefixes that carry an IPv4 address in their last 32 bits: judged by that address. */
const EMBEDDING_V4: readonly [string, number][] = [
  ['::ffff:0:0', 96], // IPv4-mapped
  ['64:ff9b::', 96], // NAT64
  ['64:ff9b:1::', 48], // local NAT64
];

const blocked = new BlockList();
for (const [net, bits] of BLOCKED_V4) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of BLOCKED_V6) blocked.addSubnet(net, bits, 'ipv6');
const embedding = new BlockList();
for (const [net, bits] of EMBEDDING_V4) embedding.addSubnet(net, bits, 'ipv6');

/** Whether an IP address (v4 or v6, brackets and zone ids aside) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(ip);
  if (version === 4) return !blocked.check(ip, 'ipv4');
  if (version !== 6) return false;
  if (embedding.check(ip, 'ipv6')) return isPublicAddress(embeddedV4(ip));
  // 6to4 (2002::/16) names an IPv4 address in bits 16–47.
  if (/^2002:/i.test(ip)) return isPublicAddress(v4FromWords(expandV6(ip).slice(1, 3)));
  return !blocked.check(ip, 'ipv6');
}

function embeddedV4(ip: string): string {
  return v4FromWords(expandV6(ip).slice(6, 8));
}

function v4FromWords(words: readonly number[]): string {
  return words.flatMap((w) => [w >> 8, w & 0xff]).join('.');
}

/** The eight 16-bit words of an IPv6 address, dotted IPv4 tails included. */
function expandV6(ip: string): number[] {
  let text = ip.toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1]!.split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...fill, ...right].map((word) => parseInt(word, 16));
}
