import { eraseTicketDraft } from '../editing/ticket-drafts.ts';
import { NotFoundError } from '../http/errors.ts';
import { logger } from '../observability/logger.ts';
import { eraseUnansweredCopy } from '../unanswered/report.ts';
import { accessCodeMatches } from './access-code.ts';
import { draftLinksOf, eraseTicket, getTicket } from './ticket-store.ts';

/**
 * GDPR Art. 17, everywhere: the draft made from the ticket (while it still holds the citizen's
 * text), the copy in the unanswered report, then the ticket with its markers, links and
 * idempotency record. Copies go first, so an interrupted erasure can simply be repeated
 * (the ticket, and with it the access check, is the last thing to go).
 */
export async function eraseTicketEverywhere(ticketId: string, secret: string | undefined): Promise<void> {
  const ticket = await getTicket(ticketId);
  if (!ticket || !accessCodeMatches(secret, ticket.secretHash)) throw new NotFoundError('Ticket not found.');
  for (const link of await draftLinksOf(ticketId)) {
    const outcome = await eraseTicketDraft(link.entryId, link.question);
    logger.info('ticket draft erasure', { ticketId, entryId: link.entryId, outcome });
  }
  await eraseUnansweredCopy(ticket.question, ticket.locale);
  await eraseTicket(ticket.ticketId, ticket.clientToken);
  logger.info('ticket erased', { ticketId: ticket.ticketId });
}
