import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { purposeKey } from '../adapters/secrets.ts';

/**
 * Privacy-preserving client buckets for per-client limits. An address is never stored: only a
 * keyed hash of its network, the /24 for IPv4 (also IPv4-mapped IPv6) and the /64 for IPv6
 * (one household or office; one IPv6 customer gets a whole /64, so hopping addresses inside it
 * does not help). The key changes every UTC day, and counters under it expire after two days.
 */
export function networkOf(sourceIp: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(sourceIp)?.[1];
  const ip = mapped ?? sourceIp;
  if (isIP(ip) === 4) return `${ip.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIP(ip) === 6) {
    const [head = '', tail = ''] = ip.toLowerCase().split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const groups = ip.includes('::')
      ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
      : left;
    const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group || '0', 16).toString(16));
    return `${prefix.join(':')}::/64`;
  }
  return 'unknown';
}

/** The bucket of an address under a given key (the escalations use the tickets table's daily salt). */
export function bucketUnder(key: string | Buffer, sourceIp: string): string {
  return createHmac('sha256', key).update(networkOf(sourceIp)).digest('hex').slice(0, 32);
}

/** The bucket of an address today under a key derived from the master key for that day. */
export async function dailyBucket(sourceIp: string, now = new Date()): Promise<string> {
  return bucketUnder(await purposeKey(`bucket:${now.toISOString().slice(0, 10)}`), sourceIp);
}
