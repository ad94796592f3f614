// handler -> lib/escalations/tickets -> ticket store -> adapters/dynamodb
import * as z from 'zod';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { routeKeyOf } from '../lib/definitions/routes.ts';
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
import { localeSchema } from '../lib/knowledge/schema.ts';
import { logger } from '../lib/observability/logger.ts';

tableName('tickets'); // fail at cold start when the table is not configured
tableName('knowledge');

const submitRequest = z.object({
  question: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  email: z.email('must be a valid e-mail address').max(254).optional(),
  locale: localeSchema.default('de'),
  consent: z.literal(true, 'must be true: the citizen has to agree to the forwarding'),
  clientToken: z.uuid('must be a UUID'),
  /** Honeypot: hidden in the widget, so only bots fill it in. */
  website: z.string().max(500).optional(),
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
    const body = parseJsonBody(event, submitRequest);
    if (body.website) {
      logger.info('submission refused', { reason: 'honeypot' });
      throw new TooManyRequestsError(secondsUntilMidnightUtc());
    }
    const result = await submitTicket(
      {
        question: body.question,
        ...(body.email ? { email: body.email } : {}),
        locale: body.locale,
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
