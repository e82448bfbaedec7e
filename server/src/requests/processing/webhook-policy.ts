import { createHmac } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

export const SIGNATURE_HEADER = 'X-Docket-Signature';

/** What a receiver gets: the route event and the request as it stood when the event committed. */
export interface WebhookPayload {
  deliveryId: string;
  event: string;
  timestamp: string;
  request: { id: number; number: string; status: string; steps: string[]; isOpen: boolean; resolution: string | null };
  attributes: Record<string, unknown>;
  /** The route action's body rule, evaluated over the request context. */
  data: unknown;
}

/** `sha256=<hex>` of the exact body bytes, so a receiver recomputes it before parsing. */
export function signatureOf(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}


/** Why a URL may not be called at all (scheme, credentials), or null; the host is checked once resolved. */
export function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `scheme ${parsed.protocol} is not allowed; only http and https`;
  if (parsed.username || parsed.password) return 'credentials in the URL are not allowed';
  return null;
}

const V4_PRIVATE: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
];

const v4Number = (address: string) => address.split('.').reduce((value, part) => value * 256 + Number(part), 0);

function privateV4(address: string): boolean {
  const value = v4Number(address);
  return V4_PRIVATE.some(([base, bits]) => Math.floor(value / 2 ** (32 - bits)) === Math.floor(v4Number(base) / 2 ** (32 - bits)));
}

/** Loopback, private, link-local, carrier-grade NAT, multicast and reserved ranges: places inside the network Docket runs in. */
export function isPrivateAddress(address: string): boolean {
  if (isIPv4(address)) return privateV4(address);
  if (!isIPv6(address)) return true;
  const lower = address.toLowerCase().replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return privateV4(mapped[1]);
  if (lower === '::' || lower === '::1') return true;
  const first = parseInt(lower.split(':')[0] || '0', 16);
  // fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast.
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
}

/** The addresses a host name resolved to that the policy refuses; empty when the call may go ahead. */
export function refusedAddresses(addresses: string[], allowPrivate: boolean): string[] {
  if (allowPrivate) return [];
  return addresses.filter(isPrivateAddress);
}
