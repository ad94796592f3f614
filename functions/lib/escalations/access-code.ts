import { timingSafeEqual } from 'node:crypto';
import { keyedHash } from '../adapters/secrets.ts';
import { sha256 } from './ticket-id.ts';

/**
 * The citizen's access code to a ticket: 20 characters of Crockford base32 (100 bits) in groups
 * of four, e.g. `7K4M-Q2XP-…`, read aloud and typed without ambiguity (no I, L, O, U).
 *
 * It is never stored. It is derived as an HMAC of the client token and the ticket reference
 * under a key held outside the tables (Secrets Manager on AWS, the data directory locally), so a
 * retry of the same submission gets the same code, and a dump of the tables (or of their stream
 * images and backups) holds only its SHA-256 hash.
 */
export const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeLength = 20;

function toCrockford(bytes: Buffer, length: number): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += crockford[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
}

const grouped = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;

/** The access code for a submission (same inputs, same code). */
export async function deriveAccessCode(clientToken: string, ticketId: string): Promise<string> {
  const mac = await keyedHash('ticket-secret', clientToken, ticketId);
  return grouped(toCrockford(mac, codeLength));
}

/**
 * The canonical form of what a person typed: any case, with or without hyphens or spaces,
 * Crockford's look-alikes (I/L -> 1, O -> 0) mapped; undefined when it cannot be a code.
 */
export function canonicalAccessCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const compact = value.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  if (compact.length !== codeLength) return undefined;
  for (const char of compact) if (!crockford.includes(char)) return undefined;
  return grouped(compact);
}

/** What is stored with the ticket: the SHA-256 of the canonical code. */
export function accessCodeHash(code: string): string {
  return sha256(canonicalAccessCode(code) ?? code);
}

/**
 * Compares a presented code with the stored hash in constant time. Anything malformed is
 * compared too (against a hash it cannot match), so timing tells nothing either way.
 */
export function accessCodeMatches(presented: string | undefined, storedHash: unknown): boolean {
  if (typeof storedHash !== 'string' || storedHash.length !== 64) return false;
  const canonical = canonicalAccessCode(presented);
  const a = Buffer.from(sha256(canonical ?? `invalid:${presented ?? ''}`), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b) && canonical !== undefined;
}
