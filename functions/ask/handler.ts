// handler -> lib/ask -> lib/knowledge (cache, matcher) -> adapters/dynamodb
import * as z from 'zod/mini';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { ask } from '../lib/ask/ask.ts';
import { starterQuestions } from '../lib/ask/starters.ts';
import { getNumberFromEnv } from '../lib/config/env.ts';
import { countAsk } from '../lib/dashboard/counters.ts';
import { issueVoteToken } from '../lib/feedback/vote-token.ts';
import { dailyBucket } from '../lib/http/client-bucket.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { parseJsonBody } from '../lib/http/request.ts';
import { json } from '../lib/http/response.ts';
import { createKnowledgeCache } from '../lib/knowledge/cache.ts';
import { logger } from '../lib/observability/logger.ts';
import { recordUnanswered } from '../lib/unanswered/report.ts';

tableName('knowledge'); // fail at cold start, not on the first citizen, when the table is not configured
const knowledge = createKnowledgeCache({
  checkIntervalMs: getNumberFromEnv('KNOWLEDGE_CHECK_INTERVAL_MS', 5000),
});

// zod/mini: the same validation as the other handlers at a fraction of the cold-start size.
const askRequest = z.object(
  {
    question: z
      .string({ error: 'must be a string' })
      .check(
        z.trim(),
        z.minLength(1, 'must not be empty'),
        z.maxLength(500, 'must be at most 500 characters'),
      ),
    // Any configured tag; `ask` refuses one the settings do not configure (`unknown_locale`).
    locale: z.optional(
      z
        .string({ error: 'must be a locale tag such as "de"' })
        .check(
          z.regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'must be a locale tag such as "de"'),
          z.maxLength(35),
        ),
    ),
  },
  { error: 'must be a JSON object' },
);

/**
 * POST /v1/ask: a citizen's question in, the curated answer, suggestions or "I don't know" out.
 * GET /v1/starters?locale=de: the widget's starter questions from the published settings.
 */
export const handler = httpHandler(async (event) => {
  if (event.routeKey === 'GET /v1/starters') {
    // A tag that is not configured gets the default locale, like the widget's own locale attribute.
    const locale = event.queryStringParameters?.locale ?? '';
    const loaded = await knowledge.get();
    // Public and the same for everyone: browsers may keep it for a few minutes.
    return json(200, starterQuestions(loaded.snapshot, locale), { 'cache-control': 'public, max-age=300' });
  }
  const { question, locale } = parseJsonBody(event, askRequest);
  const loaded = await knowledge.get();
  const response = ask(loaded, question, locale);
  if (response.answer) response.answer.voteToken = await issueVoteToken(response.answer.entryId);
  let recordedUnanswered = false;
  // Unanswered, or answered in part (a further question left out): the whole message goes to
  // the staff's report, under the same key that erasing a forwarded copy of it removes (erasure.ts).
  if (response.status !== 'answer' || response.leftOut !== undefined) {
    // For the staff report (anonymised first). Never fails the citizen's answer; at most a
    // single-item update (plus the bucket's counter for a new question).
    const { retentionDays, newPerBucketDaily } = loaded.snapshot.settings.unanswered;
    recordedUnanswered = await dailyBucket(event.requestContext.http.sourceIp)
      .then((bucket) =>
        recordUnanswered(question, response.locale, response.status, {
          retentionDays,
          newPerBucketDaily,
          bucket,
        }),
      )
      .then(
        () => true,
        (error: unknown) => {
          logger.warn('unanswered question not recorded', {
            errorName: error instanceof Error ? error.name : typeof error,
          });
          return false;
        },
      );
  }
  // The dashboard's hourly counters: one UpdateItem, numbers only; never fails the request.
  await countAsk({ status: response.status, entryId: response.answer?.entryId, recordedUnanswered });
  // Decision and entry only: the question text never reaches the logs.
  logger.info('question answered', {
    status: response.status,
    entryId: response.answer?.entryId,
    confidence: response.confidence,
    locale: response.locale,
  });
  return json(200, response);
});
