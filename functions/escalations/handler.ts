// handler -> lib/escalations/tickets (flood, access code, confirm) -> ticket store -> adapters/dynamodb
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { requireLocale } from '../lib/ask/ask.ts';
import { getNumberFromEnv } from '../lib/config/env.ts';
import { metricNames, metricNamespace, serviceName } from '../lib/definitions/metrics.ts';
import { routeKeyOf } from '../lib/definitions/routes.ts';
import { confirmEmail } from '../lib/escalations/confirm.ts';
import { confirmPage } from '../lib/escalations/confirm-page.ts';
import { eraseTicketEverywhere } from '../lib/escalations/erasure.ts';
import { newChallenge } from '../lib/escalations/flood.ts';
import { submitRequestSchema } from '../lib/escalations/requests.ts';
import { ticketIdFromPath } from '../lib/escalations/ticket-id.ts';
import { ticketLocale } from '../lib/escalations/ticket-locale.ts';
import { readTicketForCitizen, secondsUntilMidnightUtc, submitTicket } from '../lib/escalations/tickets.ts';
import { AppError, NotFoundError, TooManyRequestsError } from '../lib/http/errors.ts';
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

/** The flood alarm reads this metric (a submission above the town-wide daily figure). */
const metrics = new Metrics({ namespace: metricNamespace, serviceName });

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
  const route = routeKeyOf('escalations', event.routeKey);
  if (!route) throw new NotFoundError();
  if (route === 'GET /v1/challenge') return json(200, await newChallenge());
  if (route === 'POST /v1/escalations') {
    const body = parseJsonBody(event, submitRequestSchema);
    if (body.website) {
      logger.info('submission refused', { reason: 'honeypot' });
      throw new TooManyRequestsError(secondsUntilMidnightUtc());
    }
    const { matcher, snapshot } = await knowledge.get();
    // Like the ask API: a tag the settings do not configure is a 400 `unknown_locale`.
    if (body.locale !== undefined) requireLocale(snapshot.settings, body.locale);
    const locale = ticketLocale(snapshot.settings, matcher, body.question, body.locale);
    const { overDailyFigure, ...result } = await submitTicket(
      {
        question: body.question,
        ...(body.email ? { email: body.email } : {}),
        locale,
        clientToken: body.clientToken.toLowerCase(),
        ...(body.altcha ? { challenge: body.altcha } : {}),
      },
      event.requestContext.http.sourceIp,
    );
    if (overDailyFigure) {
      metrics.addMetric(metricNames.forwardingAboveDailyFigure, MetricUnit.Count, 1);
      metrics.publishStoredMetrics();
    }
    return json(201, result);
  }
  const ticketId = ticketIdFromPath(event);
  if (
    route === 'GET /v1/escalations/{ticketId}/confirm' ||
    route === 'POST /v1/escalations/{ticketId}/confirm'
  ) {
    const lang = event.queryStringParameters?.lang === 'en' ? 'en' : 'de';
    const code = confirmationCodeFrom(event);
    if (route === 'GET /v1/escalations/{ticketId}/confirm')
      return confirmPage(lang, 'ask', ticketId, code ?? '');
    try {
      await confirmEmail(ticketId, code);
      return confirmPage(lang, 'done', ticketId);
    } catch (error) {
      if (error instanceof AppError) return confirmPage(lang, 'failed', ticketId, undefined, 404);
      throw error;
    }
  }
  const secret = header(event, 'x-ticket-secret');
  if (route === 'DELETE /v1/escalations/{ticketId}') {
    await eraseTicketEverywhere(ticketId, secret);
    return empty(204);
  }
  return json(200, await readTicketForCitizen(ticketId, secret));
});
