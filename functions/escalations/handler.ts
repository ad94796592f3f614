// handler -> lib/escalations/tickets (flood, access code, confirm) -> ticket store -> adapters/dynamodb
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import * as z from 'zod';
import {
  FORWARDING_FLOOD_METRIC,
  METRIC_NAMESPACE,
  SERVICE_NAME,
} from '../../cdk/constructs/metric-names.ts';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { confirmEmail } from '../lib/escalations/confirm.ts';
import { confirmPage } from '../lib/escalations/confirm-page.ts';
import { eraseTicketEverywhere } from '../lib/escalations/erasure.ts';
import { newChallenge } from '../lib/escalations/flood.ts';
import { parseTicketId } from '../lib/escalations/ticket-id.ts';
import { readTicketForCitizen, secondsUntilMidnightUtc, submitTicket } from '../lib/escalations/tickets.ts';
import { AppError, NotFoundError, TooManyRequestsError } from '../lib/http/errors.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { header, parseJsonBody } from '../lib/http/request.ts';
import { empty, json } from '../lib/http/response.ts';
import { localeSchema } from '../lib/knowledge/schema.ts';
import { logger } from '../lib/observability/logger.ts';

tableName('tickets'); // fail at cold start when the table is not configured
tableName('knowledge');

/** The flood alarm reads this metric (a submission above the town-wide daily figure). */
const metrics = new Metrics({ namespace: METRIC_NAMESPACE, serviceName: SERVICE_NAME });

const submitRequest = z.object({
  question: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
  email: z.email('must be a valid e-mail address').max(254).optional(),
  locale: localeSchema.default('de'),
  consent: z.literal(true, 'must be true: the citizen has to agree to the forwarding'),
  clientToken: z.uuid('must be a UUID'),
  /** Honeypot: hidden in the widget, so only bots fill it in. */
  website: z.string().max(500).optional(),
  /** A solved ALTCHA challenge (base64 JSON), sent after a 428 `challenge_required`. */
  altcha: z.string().max(2000).optional(),
});

/** The reference from the path; anything that cannot be one is simply not found. */
function ticketIdFrom(pathParameters: Record<string, string | undefined> | undefined): string {
  const id = parseTicketId(pathParameters?.ticketId);
  if (!id) throw new NotFoundError('Ticket not found.');
  return id;
}

/** The `code` of a confirmation: from the query (GET) or the form body (POST). */
function confirmationCodeFrom(event: Parameters<Parameters<typeof httpHandler>[0]>[0]): string | undefined {
  if (event.requestContext.http.method === 'GET') return event.queryStringParameters?.code;
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (text.length > 4096) return undefined;
  return new URLSearchParams(text).get('code') ?? undefined;
}

/**
 * POST /v1/escalations: forwards a question to the DPO (201 with reference and access code;
 * 428 `challenge_required` when a proof of work is due).
 * GET /v1/challenge: a fresh ALTCHA challenge.
 * GET|POST /v1/escalations/{ticketId}/confirm: the confirmation link's page and its button.
 * GET /v1/escalations/{ticketId}: status and answer, with the X-Ticket-Secret header.
 * DELETE /v1/escalations/{ticketId}: erases the ticket and every copy (GDPR Art. 17).
 */
export const handler = httpHandler(async (event) => {
  if (event.routeKey === 'GET /v1/challenge') return json(200, await newChallenge());
  if (event.routeKey === 'POST /v1/escalations') {
    const body = parseJsonBody(event, submitRequest);
    if (body.website) {
      logger.info('submission refused', { reason: 'honeypot' });
      throw new TooManyRequestsError(secondsUntilMidnightUtc());
    }
    const { overDailyFigure, ...result } = await submitTicket(
      {
        question: body.question,
        ...(body.email ? { email: body.email } : {}),
        locale: body.locale,
        clientToken: body.clientToken.toLowerCase(),
        ...(body.altcha ? { challenge: body.altcha } : {}),
      },
      event.requestContext.http.sourceIp,
    );
    if (overDailyFigure) {
      metrics.addMetric(FORWARDING_FLOOD_METRIC, MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
    }
    return json(201, result);
  }
  const ticketId = ticketIdFrom(event.pathParameters);
  if (event.routeKey.endsWith('/confirm')) {
    const lang = event.queryStringParameters?.lang === 'en' ? 'en' : 'de';
    const code = confirmationCodeFrom(event);
    if (event.requestContext.http.method === 'GET') return confirmPage(lang, 'ask', ticketId, code ?? '');
    try {
      await confirmEmail(ticketId, code);
      return confirmPage(lang, 'done', ticketId);
    } catch (error) {
      if (error instanceof AppError) return confirmPage(lang, 'failed', ticketId, undefined, 404);
      throw error;
    }
  }
  const secret = header(event, 'x-ticket-secret');
  if (event.routeKey === 'DELETE /v1/escalations/{ticketId}') {
    await eraseTicketEverywhere(ticketId, secret);
    return empty(204);
  }
  return json(200, await readTicketForCitizen(ticketId, secret));
});
