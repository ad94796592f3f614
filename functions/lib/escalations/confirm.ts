import { timingSafeEqual } from 'node:crypto';
import { NotFoundError } from '../http/errors.ts';
import { logger } from '../observability/logger.ts';
import { sha256 } from './ticket-id.ts';
import { getTicket, updateTicket } from './ticket-store.ts';

/**
 * Confirms the address a citizen left with a question (the link in the confirmation mail).
 * Only a confirmed address gets the DPO's answer by mail, so nobody can make the town write
 * to a third party. A wrong code and an unknown ticket look the same (404); confirming twice
 * is fine.
 */
export async function confirmEmail(ticketId: string, code: string | undefined): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const ticket = await getTicket(ticketId);
    if (!ticket?.email) throw new NotFoundError('Ticket not found.');
    if (ticket.emailConfirmedAt) return;
    const stored = Buffer.from(String(ticket.confirmHash ?? ''), 'hex');
    const presented = Buffer.from(sha256(code ?? ''), 'hex');
    if (stored.length !== presented.length || !timingSafeEqual(stored, presented))
      throw new NotFoundError('Ticket not found.');
    const at = new Date().toISOString();
    const updated = await updateTicket(ticketId, ticket.version, {
      set: { emailConfirmedAt: at, updatedAt: at },
      remove: ['confirmHash'],
      audit: { actor: 'citizen', action: 'confirmed', at },
    });
    if (updated) {
      logger.info('address confirmed', { ticketId });
      return;
    }
  }
  throw new NotFoundError('Ticket not found.');
}
