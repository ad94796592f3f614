import { randomBytes } from 'node:crypto';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { epochSeconds } from '../adapters/dynamodb.ts';
import { purposeKey } from '../adapters/secrets.ts';
import { bucketUnder } from '../http/client-bucket.ts';
import { AppError, TooManyRequestsError } from '../http/errors.ts';
import { logger } from '../observability/logger.ts';
import { addToCounter, markUsedOnce, readCounter } from './counters.ts';
import { ticketBookkeeping } from './retention.ts';
import { publishedSettings } from './settings.ts';
import { bookkeepingKeys, countUnlessCapped, dailySalt } from './ticket-store.ts';

/**
 * Forwarding under a flood. Instead of one global lock that a single person can trip for the
 * whole town, each client bucket has its own daily cap, and once a bucket (or the town as a
 * whole) gets busy, a submission needs an ALTCHA proof of work that the widget solves
 * invisibly. The town-wide figure only raises an alarm.
 *
 * A bucket is a keyed hash of the network (/24 for IPv4, /64 for IPv6: one household or office
 * usually shares it, and an attacker cannot cheaply hop through it) under the random daily salt,
 * so no stored counter can be linked to an address once the salt is gone (after two days).
 */
const day = 24 * 3600;

/** 428: the submission needs a solved proof-of-work challenge (`GET /v1/challenge`). */
export class ChallengeRequiredError extends AppError {
  constructor() {
    super(428, 'challenge_required', 'Please solve the challenge from GET /v1/challenge and resend.');
  }
}

/** The bucket of an address today: keyed hash of its network under the day's random salt. */
export async function clientBucket(sourceIp: string, now = new Date()): Promise<string> {
  const today = now.toISOString().slice(0, 10);
  const salt = await dailySalt(
    today,
    randomBytes(32).toString('hex'),
    epochSeconds(now) + ticketBookkeeping.counterDays * day,
  );
  return bucketUnder(salt, sourceIp);
}

/** A fresh challenge (valid ten minutes) with the difficulty from the settings. */
export async function newChallenge(now = new Date()) {
  const { escalation } = await publishedSettings();
  return createChallenge({
    hmacKey: (await purposeKey('challenge')).toString('hex'),
    maxNumber: escalation.challengeMaxNumber,
    expires: new Date(now.getTime() + 10 * 60_000),
  });
}

/** True when the payload solves a challenge of ours that has not been used before. */
async function solved(payload: string | undefined): Promise<boolean> {
  if (!payload || payload.length > 2000) return false;
  let valid = false;
  try {
    valid = await verifySolution(payload, (await purposeKey('challenge')).toString('hex'), true);
  } catch {
    return false;
  }
  if (!valid) return false;
  // Single use: a solved challenge is spent by the first submission that presents it.
  const signature = String(
    (JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { signature?: unknown }).signature,
  );
  return markUsedOnce(`POW#${signature}`, epochSeconds() + 3600);
}

export interface Admission {
  /** True when the town-wide figure of the day passed `globalDailyCap` (alarm, not lock). */
  overDailyFigure: boolean;
}

/**
 * Lets a new submission in, or throws: 428 when a challenge is due and not solved, 429 when the
 * bucket used up its daily cap. Counts the submission against the bucket and the town figure.
 */
export async function admitSubmission(
  sourceIp: string,
  challengePayload: string | undefined,
  now = new Date(),
): Promise<Admission> {
  const { escalation } = await publishedSettings();
  const today = now.toISOString().slice(0, 10);
  const bucket = bookkeepingKeys.clientCounter(await clientBucket(sourceIp, now));
  const global = bookkeepingKeys.townCounter(today);
  const expiresAt = epochSeconds(now) + ticketBookkeeping.counterDays * day;
  const [bucketCount, globalCount] = await Promise.all([readCounter(bucket), readCounter(global)]);
  const retryAfter = secondsUntilMidnightUtc(now);
  if (bucketCount >= escalation.perClientDailyCap) {
    logger.info('submission refused', { reason: 'per_client_cap' });
    throw new TooManyRequestsError(retryAfter);
  }
  const busy = bucketCount >= escalation.challengeAfter || globalCount >= escalation.globalDailyCap;
  if (busy && !(await solved(challengePayload))) {
    logger.info('submission challenged', {
      reason: bucketCount >= escalation.challengeAfter ? 'bucket' : 'town',
    });
    throw new ChallengeRequiredError();
  }
  if (!(await countUnlessCapped(bucket, escalation.perClientDailyCap, expiresAt))) {
    logger.info('submission refused', { reason: 'per_client_cap' });
    throw new TooManyRequestsError(retryAfter);
  }
  const total = await addToCounter(global, expiresAt);
  const overDailyFigure = total > escalation.globalDailyCap;
  if (overDailyFigure) logger.warn('forwarding above the daily figure', { total });
  return { overDailyFigure };
}

/** Seconds until the next UTC midnight, when the daily counters start again. */
export function secondsUntilMidnightUtc(now = new Date()): number {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return Math.max(1, Math.ceil((midnight - now.getTime()) / 1000));
}
