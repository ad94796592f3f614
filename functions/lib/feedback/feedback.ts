import * as z from 'zod';
import { queryPartition, updateItem } from '../adapters/dynamodb.ts';
import { analyticsKeys, analyticsPartitions } from '../analytics/analytics-table.ts';
import { entryIdSchema } from '../knowledge/schema.ts';

/**
 * "Was this answer helpful?" votes, stored anonymously as two counters per entry in the
 * `analytics` table (key layout in analytics/analytics-table.ts). Nothing else is kept: no text, no IP
 * address, no time of the vote, so a count can never be traced back to a citizen.
 */
export const feedbackRequestSchema = z.object({
  entryId: entryIdSchema,
  helpful: z.boolean(),
  /** The single-use token that came with the answer (see vote-token.ts). */
  voteToken: z.string().max(200).optional(),
});

export type FeedbackRequest = z.output<typeof feedbackRequestSchema>;

export interface FeedbackCounts {
  entryId: string;
  helpful: number;
  notHelpful: number;
}

/** True when the entry is in the published knowledge base (the knowledge table's owner reads it). */
export { isPublishedEntry } from '../knowledge/store.ts';

/** Adds one vote to the entry's counters (atomic ADD, so concurrent votes never get lost). */
export async function recordFeedback({
  entryId,
  helpful,
}: Pick<FeedbackRequest, 'entryId' | 'helpful'>): Promise<void> {
  await updateItem('analytics', analyticsKeys.feedback(entryId), {
    UpdateExpression: 'ADD #counter :one',
    ExpressionAttributeNames: { '#counter': helpful ? 'helpful' : 'notHelpful' },
    ExpressionAttributeValues: { ':one': 1 },
  });
}

/** All feedback counters, by entry id (for the editor's overview). */
export async function readFeedbackCounts(): Promise<FeedbackCounts[]> {
  const items = await queryPartition('analytics', analyticsPartitions.feedback);
  return items.map((item) => ({
    entryId: String(item.sk),
    helpful: Number(item.helpful ?? 0),
    notHelpful: Number(item.notHelpful ?? 0),
  }));
}
