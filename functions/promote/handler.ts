// handler -> lib/editing (from-question) + lib/escalations (ticket store, read only) -> adapters/dynamodb
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import { epochSeconds, tableName } from '../lib/adapters/dynamodb.ts';
import { authorize } from '../lib/auth/groups.ts';
import { draftFromQuestion } from '../lib/editing/from-question.ts';
import { setDraftExpiry } from '../lib/editing/ticket-drafts.ts';
import { publishedSettings } from '../lib/escalations/settings.ts';
import { ticketIdFromPath } from '../lib/escalations/ticket-id.ts';
import { getTicket, linkDraft } from '../lib/escalations/ticket-store.ts';
import { ConflictError, NotFoundError } from '../lib/http/errors.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { json } from '../lib/http/response.ts';
import { logger } from '../lib/observability/logger.ts';
import { anonymise } from '../lib/unanswered/anonymise.ts';

// Fail at cold start, not on the first request, when a table is not configured.
tableName('tickets');
tableName('knowledge');

/**
 * POST /v1/inbox/{ticketId}/promote (group dpo): turns the DPO's answer to a forwarded question
 * into a draft entry for the editors (question and answer prefilled in the ticket's language,
 * the other language marked for translation). Only the question and the answer travel, both
 * anonymised: never the citizen's e-mail address or the ticket reference. The ticket keeps a
 * link to the draft, so erasing the ticket removes the draft while it holds the citizen's text.
 */
export const handler = httpHandler(async (event) => {
  const who = authorize(event);
  const ticketId = ticketIdFromPath(event);
  const ticket = await getTicket(ticketId);
  if (!ticket) throw new NotFoundError('Ticket not found.');
  if (!ticket.answer)
    throw new ConflictError('Answer the question first, then offer it to the editors.', 'not_answered');
  const { escalation } = await publishedSettings();
  // The draft lives no longer than the ticket could: erasing the ticket (or its expiry) takes it along.
  const expiresAt = epochSeconds() + (escalation.autoCloseDays + escalation.retentionDays) * 86_400;
  const draft = await draftFromQuestion(
    { locale: ticket.locale, question: ticket.question, answer: anonymise(ticket.answer) },
    who,
  );
  const question = anonymise(ticket.question);
  await linkDraft(ticketId, { entryId: draft.id, question }, expiresAt);
  await setDraftExpiry(draft.id, expiresAt);
  logger.info('ticket promoted to draft', { entryId: draft.id });
  return json(201, draft);
});
