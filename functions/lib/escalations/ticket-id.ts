import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { NotFoundError } from '../http/errors.ts';

/**
 * Ticket references are read aloud on the phone: no 0/O, 1/I/L look-alikes, fixed groups of
 * four, e.g. `STR-7K4M-Q2XP` (31^8, about 8.5e11 possibilities).
 */
export const ticketAlphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const group = `[${ticketAlphabet}]{4}`;
const ticketIdPattern = new RegExp(`^STR-${group}-${group}$`);

/** A fresh random ticket reference. */
export function newTicketId(): string {
  const pick = () =>
    Array.from({ length: 4 }, () => ticketAlphabet[randomInt(ticketAlphabet.length)]).join('');
  return `STR-${pick()}-${pick()}`;
}

/**
 * Normalises what a person typed (lower case, spaces, missing hyphens) to the canonical
 * reference, or undefined when it cannot be one.
 */
export function parseTicketId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const compact = value.toUpperCase().replace(/[\s-]/g, '');
  // 11 characters with the prefix, 8 without it (a reference may itself start with "STR").
  const body = compact.length === 11 && compact.startsWith('STR') ? compact.slice(3) : compact;
  if (body.length !== 8) return undefined;
  const id = `STR-${body.slice(0, 4)}-${body.slice(4)}`;
  return ticketIdPattern.test(id) ? id : undefined;
}

/**
 * The reference from a route's `{ticketId}` path parameter. Anything that cannot be one is
 * simply not found (404), the same answer as for a well-formed reference that does not exist.
 */
export function ticketIdFromPath(event: { pathParameters?: Record<string, string | undefined> }): string {
  const id = parseTicketId(event.pathParameters?.ticketId);
  if (!id) throw new NotFoundError('Ticket not found.');
  return id;
}

/** The citizen's secret: 256 random bits, URL-safe. Only its hash is kept with the ticket. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex digest. */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(presented: string | undefined, storedHash: unknown): boolean {
  if (!presented || typeof storedHash !== 'string' || storedHash.length !== 64) return false;
  const a = Buffer.from(sha256(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
