import { BlockList, isIP } from 'node:net';

/**
 * IPv4 addresses a webhook may never reach (SSRF): loopback, private, link-local, shared (CGNAT),
 * multicast, unspecified and the other special-purpose ranges that are not globally reachable.
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
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];
/**
 * IPv6 is judged by an allow-list: only global unicast (2000::/3), less the ranges of the IANA IPv6
 * special-purpose registry inside it that no webhook should reach. The IETF protocol assignments
 * block (2001::/23) goes whole: Teredo, benchmarking, ORCHIDs and a few anycast services.
 */
const SPECIAL_V6: readonly [string, number][] = [
  ['2001::', 23], // IETF protocol assignments
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
  ['5f00::', 16], // SRv6 segment identifiers
];

const blockedV4 = new BlockList();
for (const [net, bits] of BLOCKED_V4) blockedV4.addSubnet(net, bits, 'ipv4');
const specialV6 = new BlockList();
for (const [net, bits] of SPECIAL_V6) specialV6.addSubnet(net, bits, 'ipv6');

/** Whether an IP address (v4 or v6, brackets and zone ids aside) is a public unicast address. */
export function isPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const version = isIP(ip);
  if (version === 4) return !blockedV4.check(ip, 'ipv4');
  if (version !== 6) return false;
  const embedded = embeddedV4(ipv6Bytes(ip));
  if (embedded) return embedded.every(isPublicAddress);
  const global = (ipv6Bytes(ip)[0]! & 0xe0) === 0x20;
  return global && !specialV6.check(ip, 'ipv6');
}

/**
 * The IPv4 addresses an IPv6 form carries, judged instead of it; undefined for other addresses.
 * A local-use NAT64 prefix may have any RFC 6052 length from its own on: every reading must be public.
 */
function embeddedV4(bytes: readonly number[]): string[] | undefined {
  const starts = (...prefix: number[]) => prefix.every((byte, i) => bytes[i] === byte);
  const zeros = (n: number) => Array<number>(n).fill(0);
  if (starts(...zeros(10), 0xff, 0xff)) return [v4(bytes, 96)]; // IPv4-mapped ::ffff:0:0/96
  if (starts(...zeros(8), 0xff, 0xff, 0, 0)) return [v4(bytes, 96)]; // IPv4-translated ::ffff:0:0:0/96
  if (starts(0, 0x64, 0xff, 0x9b, ...zeros(8))) return [v4(bytes, 96)]; // NAT64 64:ff9b::/96
  if (starts(0, 0x64, 0xff, 0x9b, 0, 1)) return [48, 56, 64, 96].map((bits) => v4(bytes, bits)); // 64:ff9b:1::/48
  if (starts(0x20, 0x02)) return [v4(bytes, 16)]; // 6to4 2002::/16
  return undefined;
}

/** The IPv4 address after a prefix of `bits`, by RFC 6052: bits 64–71 are skipped, never part of it. */
function v4(bytes: readonly number[], bits: number): string {
  if (bits === 96) return bytes.slice(12).join('.');
  const skipped = [...bytes.slice(0, 8), ...bytes.slice(9)];
  return skipped.slice(bits / 8, bits / 8 + 4).join('.');
}

/** The sixteen bytes of a valid IPv6 address, dotted IPv4 tails included. */
function ipv6Bytes(ip: string): number[] {
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
  return [...left, ...fill, ...right].flatMap((word) => {
    const value = parseInt(word, 16);
    return [value >> 8, value & 0xff];
  });
}
