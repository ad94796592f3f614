import { epochSeconds, isConditionFailure, putItem, updateItem } from '../adapters/dynamodb.ts';
import { analyticsKeys } from '../analytics/analytics-table.ts';
import type { Locale } from '../knowledge/schema.ts';
import type { MatchStatus } from '../matcher/matcher.ts';

/**
 * Writes of the unanswered report's items (`pk=UNANSWERED`) and of the per-bucket daily
 * counters of new items (`pk=UNANSWERED_RATE, sk=<day>#<bucket>`, 2 days) in `analytics`.
 */
const day = 86_400;

interface CountInput {
  sk: string;
  text: string;
  locale: Locale;
  status: MatchStatus;
  now: Date;
  retentionDays: number;
  newPerBucketDaily: number;
  bucket?: string;
}

/** Counts an existing, unexpired item; false when there is none. */
async function countExisting(input: CountInput): Promise<boolean> {
  const now = epochSeconds(input.now);
  try {
    await updateItem('analytics', analyticsKeys.unanswered(input.sk), {
      UpdateExpression: 'ADD #count :one SET #at = :at, expiresAt = :expiresAt, #status = :status',
      ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
      ExpressionAttributeNames: { '#count': 'count', '#at': 'at', '#status': 'status' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':at': input.now.toISOString(),
        ':expiresAt': now + input.retentionDays * day,
        ':now': now,
        ':status': input.status,
      },
    });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Takes one of the bucket's new-item allowances for today; false when it is used up. */
async function allowNew(input: CountInput): Promise<boolean> {
  if (!input.bucket) return true;
  const today = input.now.toISOString().slice(0, 10);
  try {
    await updateItem('analytics', analyticsKeys.unansweredRate(today, input.bucket), {
      UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :cap',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: {
        ':one': 1,
        ':cap': input.newPerBucketDaily,
        ':expiresAt': epochSeconds(input.now) + 2 * day,
      },
    });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** One ask: count the known question, else add it (within the bucket's cap). */
export async function countQuestion(input: CountInput): Promise<'counted' | 'added' | 'capped'> {
  if (await countExisting(input)) return 'counted';
  if (!(await allowNew(input))) return 'capped';
  const at = input.now.toISOString();
  try {
    await putItem(
      'analytics',
      {
        ...analyticsKeys.unanswered(input.sk),
        text: input.text,
        locale: input.locale,
        status: input.status,
        at,
        firstSeen: at,
        count: 1,
        expiresAt: epochSeconds(input.now) + input.retentionDays * day,
      },
      {
        // An expired item that TTL has not removed yet is replaced.
        ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
        ExpressionAttributeValues: { ':now': epochSeconds(input.now) },
      },
    );
    return 'added';
  } catch (error) {
    // Someone added the same question at the same moment: count it there.
    if (isConditionFailure(error) && (await countExisting(input))) return 'counted';
    throw error;
  }
}
