import { getItem, isConditionFailure, isExpired, putItem, updateItem } from '../adapters/dynamodb.ts';
import { type BookkeepingKey, bookkeepingKeys } from './ticket-store.ts';

/**
 * The tickets table's bookkeeping items besides tickets (their keys come from the table's owner,
 * ticket-store.ts):
 * - `RATE#<bucket> / RATE`, `RATE#global#<day> / RATE`: daily counters (2 days);
 * - `USED#<kind>#<id> / USED`: single-use markers for spent proofs of work (1 h);
 * - `DIGEST / DPO`: the DPO digest's pending count and when the last notice went out.
 * None of them holds personal data: buckets are keyed hashes under a salt that is gone after two days.
 */

/** The current value of a counter (0 when absent or expired). */
export async function readCounter(counterKey: BookkeepingKey): Promise<number> {
  const item = (await getItem('tickets', counterKey, { ConsistentRead: true })) as
    | { count?: number; expiresAt?: number }
    | undefined;
  return item && !isExpired(item) ? Number(item.count ?? 0) : 0;
}

/** Adds one to a counter and resolves the new value. */
export async function addToCounter(counterKey: BookkeepingKey, expiresAt: number): Promise<number> {
  const result = await updateItem('tickets', counterKey, {
    UpdateExpression: 'ADD #count :one SET expiresAt = :expiresAt',
    ExpressionAttributeNames: { '#count': 'count' },
    ExpressionAttributeValues: { ':one': 1, ':expiresAt': expiresAt },
    ReturnValues: 'UPDATED_NEW',
  });
  return Number((result.Attributes as { count?: number } | undefined)?.count ?? 1);
}

/** Records that `id` was used; false when it was used before (a replay). */
export async function markUsedOnce(id: string, expiresAt: number): Promise<boolean> {
  try {
    await putItem(
      'tickets',
      { ...bookkeepingKeys.used(id), expiresAt },
      {
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

const digestKey = bookkeepingKeys.digest();

/** Counts one new ticket towards the next DPO digest. */
export async function addToDigest(): Promise<void> {
  await updateItem('tickets', digestKey, {
    UpdateExpression: 'ADD pending :one',
    ExpressionAttributeValues: { ':one': 1 },
  });
}

/**
 * Takes the pending count for a digest when the last one went out at least `intervalSeconds`
 * ago (one conditional write, so of many concurrent callers exactly one gets it). Resolves the
 * count taken and the previous send time, or undefined when nothing is due.
 */
export async function takeDigest(
  intervalSeconds: number,
  now = new Date(),
): Promise<{ count: number; previousAt?: number } | undefined> {
  const at = Math.floor(now.getTime() / 1000);
  try {
    const result = await updateItem('tickets', digestKey, {
      UpdateExpression: 'SET pending = :zero, sentAt = :now',
      ConditionExpression: 'pending > :zero AND (attribute_not_exists(sentAt) OR sentAt <= :cutoff)',
      ExpressionAttributeValues: { ':zero': 0, ':now': at, ':cutoff': at - intervalSeconds },
      ReturnValues: 'ALL_OLD',
    });
    const old = result.Attributes as { pending?: number; sentAt?: number } | undefined;
    return {
      count: Number(old?.pending ?? 0),
      ...(old?.sentAt !== undefined ? { previousAt: old.sentAt } : {}),
    };
  } catch (error) {
    if (isConditionFailure(error)) return undefined;
    throw error;
  }
}

/** Gives a taken count back after the mail failed, so the next attempt includes it. */
export async function returnDigest(count: number, previousAt: number | undefined): Promise<void> {
  await updateItem('tickets', digestKey, {
    UpdateExpression:
      previousAt === undefined ? 'ADD pending :count REMOVE sentAt' : 'ADD pending :count SET sentAt = :at',
    ExpressionAttributeValues: {
      ':count': count,
      ...(previousAt === undefined ? {} : { ':at': previousAt }),
    },
  });
}
