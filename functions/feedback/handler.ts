// handler -> lib/feedback -> adapters/dynamodb
import { tableName } from '../lib/adapters/dynamodb.ts';
import { countFeedback } from '../lib/dashboard/counters.ts';
import { feedbackRequestSchema, isPublishedEntry, recordFeedback } from '../lib/feedback/feedback.ts';
import { NotFoundError } from '../lib/http/errors.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { parseJsonBody } from '../lib/http/request.ts';
import { empty } from '../lib/http/response.ts';
import { logger } from '../lib/observability/logger.ts';

// Fail at cold start, not on the first vote, when a table is not configured.
tableName('analytics');
tableName('knowledge');

/** POST /v1/feedback: one anonymous "helpful?" vote for a published answer; 204, nothing echoed. */
export const handler = httpHandler(async (event) => {
  const vote = parseJsonBody(event, feedbackRequestSchema);
  // Only published entries get counters, so nobody can fill the table with made-up ids.
  if (!(await isPublishedEntry(vote.entryId))) throw new NotFoundError('No such answer.');
  await recordFeedback(vote);
  await countFeedback(vote.entryId, vote.helpful); // the dashboard's hourly figure; never throws
  logger.info('feedback recorded', { entryId: vote.entryId, helpful: vote.helpful });
  return empty(204);
});
