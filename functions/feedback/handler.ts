// handler -> lib/feedback (vote token, counters) -> adapters/dynamodb
// X-Ray subsegments for this function's DynamoDB (and SES) calls; ask leaves this out (size).
import '../lib/observability/tracer.ts';
import { tableName } from '../lib/adapters/dynamodb.ts';
import { countFeedback } from '../lib/dashboard/counters.ts';
import { publishedSettings } from '../lib/escalations/settings.ts';
import { feedbackRequestSchema, isPublishedEntry, recordFeedback } from '../lib/feedback/feedback.ts';
import { spendVoteToken } from '../lib/feedback/vote-token.ts';
import { NotFoundError } from '../lib/http/errors.ts';
import { httpHandler } from '../lib/http/handler.ts';
import { parseJsonBody } from '../lib/http/request.ts';
import { empty } from '../lib/http/response.ts';
import { logger } from '../lib/observability/logger.ts';

// Fail at cold start, not on the first vote, when a table is not configured.
tableName('analytics');
tableName('knowledge');

/**
 * POST /v1/feedback: one anonymous "helpful?" vote for a published answer. 204 when counted;
 * 202 (accepted, not counted) without a valid, unused vote token, so stuffing gains nothing
 * and learns nothing.
 */
export const handler = httpHandler(async (event) => {
  const vote = parseJsonBody(event, feedbackRequestSchema);
  // Only published entries get counters, so nobody can fill the table with made-up ids.
  if (!(await isPublishedEntry(vote.entryId))) throw new NotFoundError('No such answer.');
  const { feedback } = await publishedSettings();
  if (!(await spendVoteToken(vote.entryId, vote.voteToken, feedback.voteTokenHours))) {
    logger.info('feedback not counted', { entryId: vote.entryId, reason: 'no_valid_token' });
    return empty(202);
  }
  await recordFeedback(vote);
  await countFeedback(vote.entryId, vote.helpful); // the dashboard's hourly figure; never throws
  logger.info('feedback recorded', { entryId: vote.entryId, helpful: vote.helpful });
  return empty(204);
});
