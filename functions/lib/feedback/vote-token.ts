import { randomBytes, timingSafeEqual } from 'node:crypto';
import { epochSeconds, isConditionFailure, putItem } from '../adapters/dynamodb.ts';
import { keyedHash } from '../adapters/secrets.ts';
import { analyticsKeys } from '../analytics/analytics-table.ts';

/**
 * Single-use vote tokens: every answer carries `<issued>.<nonce>.<mac>`, an HMAC over the entry,
 * the time and a random nonce under a key held outside the tables. A vote counts only with a
 * valid token for that entry, younger than `voteTokenHours`, whose nonce was not used before
 * (`pk=VOTE, sk=<nonce>` in `analytics`, expiring with the token). Nothing links a nonce to a
 * citizen: it is random, and the vote itself stays two counters.
 */
const mac = async (entryId: string, issued: string, nonce: string) =>
  (await keyedHash('vote', entryId, issued, nonce)).toString('base64url').slice(0, 32);

export async function issueVoteToken(entryId: string, now = new Date()): Promise<string> {
  const issued = String(epochSeconds(now));
  const nonce = randomBytes(12).toString('base64url');
  return `${issued}.${nonce}.${await mac(entryId, issued, nonce)}`;
}

/** True (once) for a valid, unused token of this entry; false for anything else. */
export async function spendVoteToken(
  entryId: string,
  token: string | undefined,
  lifetimeHours: number,
  now = new Date(),
): Promise<boolean> {
  const [issued = '', nonce = '', presented = ''] = (token ?? '').split('.');
  if (!/^\d{1,12}$/.test(issued) || !/^[\w-]{16}$/.test(nonce) || presented.length !== 32) return false;
  const expected = Buffer.from(await mac(entryId, issued, nonce));
  const given = Buffer.from(presented);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  const expiresAt = Number(issued) + lifetimeHours * 3600;
  if (expiresAt <= epochSeconds(now) || Number(issued) > epochSeconds(now) + 300) return false;
  try {
    await putItem(
      'analytics',
      { ...analyticsKeys.usedVote(nonce), expiresAt },
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
