// handler -> lib/auth (group check) -> lib/escalations/tickets -> ticket store
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import * as z from 'zod';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { authorize } from '../lib/auth/groups.ts';
import { routeKeyOf } from '../lib/definitions/routes.ts';
import { createSnippet, listSnippets, removeSnippet } from '../lib/escalations/snippets.ts';
import { ticketIdFromPath } from '../lib/escalations/ticket-id.ts';
import { closeReasons, queueStatuses } from '../lib/escalations/ticket-store.ts';
import {
  answerTicket,
  claimTicket,
  closeTicket,
  inboxTicket,
  listInbox,
  releaseTicket,
} from '../lib/escalations/tickets.ts';
import { NotFoundError } from '../lib/http/errors.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { parseInput, parseJsonBody } from '../lib/http/request.ts';
import { empty, json } from '../lib/http/response.ts';

tableName('tickets'); // fail at cold start when the table is not configured
tableName('knowledge');

const listQuery = z.object({
  status: z.enum(queueStatuses).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2000).optional(),
});

const answerRequest = z.object({
  text: z.string().trim().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters'),
});

const snippetRequest = z.object({
  title: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  text: z.string().trim().min(1, 'must not be empty').max(5000, 'must be at most 5000 characters'),
});

const snippetId = z.string().regex(/^\d{17}-[0-9a-f]{8}$/);

const closeRequest = z.object({ reason: z.enum(closeReasons).optional() });

/** The DPO inbox: list, read, claim, release, answer and close tickets; answer snippets (group `dpo`). */
export const handler = httpHandler(async (event) => {
  const staff = authorize(event);
  const route = routeKeyOf('inbox', event.routeKey);
  switch (route) {
    case 'GET /v1/inbox': {
      const query = parseInput(listQuery, event.queryStringParameters ?? {});
      return json(200, await listInbox(query.status, query.limit, query.cursor));
    }
    case 'GET /v1/snippets':
      return json(200, { items: await listSnippets() });
    case 'POST /v1/snippets': {
      const { title, text } = parseJsonBody(event, snippetRequest);
      return json(201, await createSnippet(staff, title, text));
    }
    case 'DELETE /v1/snippets/{snippetId}': {
      const id = snippetId.safeParse(event.pathParameters?.snippetId);
      if (!id.success) throw new NotFoundError('Snippet not found.');
      await removeSnippet(id.data);
      return empty(204);
    }
  }
  const ticketId = ticketIdFromPath(event);
  switch (route) {
    case 'GET /v1/inbox/{ticketId}':
      return json(200, await inboxTicket(ticketId));
    case 'POST /v1/inbox/{ticketId}/claim':
      return json(200, await claimTicket(ticketId, staff));
    case 'POST /v1/inbox/{ticketId}/release':
      return json(200, await releaseTicket(ticketId, staff));
    case 'POST /v1/inbox/{ticketId}/answer':
      return json(200, await answerTicket(ticketId, staff, parseJsonBody(event, answerRequest).text));
    case 'POST /v1/inbox/{ticketId}/close':
      // The body is optional: an answered ticket closes without one.
      return json(
        200,
        await closeTicket(
          ticketId,
          staff,
          event.body ? parseJsonBody(event, closeRequest).reason : undefined,
        ),
      );
    default:
      throw new NotFoundError();
  }
});
