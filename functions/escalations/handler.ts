// handler -> lib/escalations/tickets -> ticket store -> adapters/dynamodb
import { tableName } from '../lib/adapters/dynamodb.ts';
import { getNumberFromEnv } from '../lib/config/env.ts';
import { routeKeyOf } from '../lib/definitions/routes.ts';
import { submitRequestSchema } from '../lib/escalations/requests.ts';
import { ticketIdFromPath } from '../lib/escalations/ticket-id.ts';
import {
  eraseTicketForCitizen,
  readTicketForCitizen,
  secondsUntilMidnightUtc,
  submitTicket,
} from '../lib/escalations/tickets.ts';
import { NotFoundError, TooManyRequestsError } from '../lib/http/errors.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { header, parseJsonBody } from '../lib/http/request.ts';
import { empty, json } from '../lib/http/response.ts';
import { createKnowledgeCache } from '../lib/knowledge/cache.ts';
import { logger } from '../lib/observability/logger.ts';

tableName('tickets'); // fail at cold start when the table is not configured
tableName('knowledge');
// The matcher's language detection decides the ticket's language (and so the DPO's view and the
// citizen's mail): the question's own language, never that of an earlier reply in the chat.
const knowledge = createKnowledgeCache({
  checkIntervalMs: getNumberFromEnv('KNOWLEDGE_CHECK_INTERVAL_MS', 5000),
});

/**
 * POST /v1/escalations: forwards a question to the DPO (201 with reference and secret).
 * GET /v1/escalations/{ticketId}: status and answer, with the X-Ticket-Secret header.
 * DELETE /v1/escalations/{ticketId}: erases the ticket (GDPR Art. 17), with the same header.
 */
export const handler = httpHandler(async (event) => {
  const route = routeKeyOf('escalations', event.routeKey);
  if (!route) throw new NotFoundError();
  if (route === 'POST /v1/escalations') {
    const body = parseJsonBody(event, submitRequestSchema);
    if (body.website) {
      logger.info('submission refused', { reason: 'honeypot' });
      throw new TooManyRequestsError(secondsUntilMidnightUtc());
    }
    const { matcher } = await knowledge.get();
    const locale = matcher.detectLanguage(body.question, body.locale ?? 'de');
    const result = await submitTicket(
      {
        question: body.question,
        ...(body.email ? { email: body.email } : {}),
        locale,
        clientToken: body.clientToken.toLowerCase(),
      },
      event.requestContext.http.sourceIp,
    );
    return json(201, result);
  }
  const ticketId = ticketIdFromPath(event);
  const secret = header(event, 'x-ticket-secret');
  if (route === 'DELETE /v1/escalations/{ticketId}') {
    await eraseTicketForCitizen(ticketId, secret);
    return empty(204);
  }
  return json(200, await readTicketForCitizen(ticketId, secret));
});
