import { epochSeconds, updateItem } from '../adapters/dynamodb.ts';
import { analyticsKeys } from '../analytics/analytics-table.ts';
import { dashboardCountFailedMessage } from '../definitions/metrics.ts';
import type { MatchStatus } from '../matcher/matcher.ts';
import { logger } from '../observability/logger.ts';

/**
 * The situation dashboard's counters (owner module: the only code that writes or keys them).
 *
 * One item per hour in the `analytics` table (key in analytics/analytics-table.ts), holding
 * nothing but numbers: asks per outcome, answers per entry, feedback per entry, unanswered
 * questions recorded, tickets created and answered, and a histogram of minutes to an answer.
 * No question text, no ticket id, no address, no time finer than the hour. Every count is a
 * single-item `UpdateItem ADD` on the request path, so concurrent requests never lose a count,
 * and the item expires `retentionDays` after its hour (TTL), which covers the 30-day range.
 */
/** Days an hourly item is kept: the longest range (30 days) plus a margin for late reads. */
export const dashboardRetentionDays = 35;

/**
 * Upper bounds (minutes) of the time-to-answer histogram; the last bucket is open-ended. Coarse
 * on purpose: the median is reported as "at most <bound>", which is all a press office needs.
 */
export const answerTimeBoundsMinutes = [15, 30, 60, 120, 240, 480, 1440, 2880, 4320, 10_080] as const;

/** Attribute names of the hourly item (the reading code parses them back). */
export const attribute = {
  ask: (status: MatchStatus) => `asks:${status}`,
  entry: (entryId: string) => `entry:${entryId}`,
  helpful: (entryId: string) => `helpful:${entryId}`,
  notHelpful: (entryId: string) => `notHelpful:${entryId}`,
  unanswered: 'unanswered',
  ticketsCreated: 'tickets:created',
  ticketsAnswered: 'tickets:answered',
  /** `tta:<bound>` for a bounded bucket, `tta:more` for the open one. */
  answerTime: (bucket: string) => `tta:${bucket}`,
} as const;

/** The hour bucket of a time: `2026-05-04T09` (UTC). */
export const hourOf = (at: Date): string => at.toISOString().slice(0, 13);

/** The histogram bucket for a time to answer. */
export function answerTimeBucket(minutes: number): string {
  const bound = answerTimeBoundsMinutes.find((limit) => minutes <= limit);
  return bound === undefined ? 'more' : String(bound);
}

/**
 * Adds 1 to each named counter of the hour `at` falls in, in one UpdateItem. Never throws: a
 * counting failure is logged (error name only) and counted as a metric, and the citizen's or
 * staff member's request goes on as if nothing happened.
 */
export async function count(names: readonly string[], at = new Date()): Promise<void> {
  if (names.length === 0) return;
  const placeholders = names.map((_, index) => `#c${index}`);
  try {
    await updateItem('analytics', analyticsKeys.dashboardHour(hourOf(at)), {
      UpdateExpression: `ADD ${placeholders.map((name) => `${name} :one`).join(', ')} SET expiresAt = :expires`,
      ExpressionAttributeNames: Object.fromEntries(names.map((name, index) => [`#c${index}`, name])),
      ExpressionAttributeValues: {
        ':one': 1,
        // The end of the hour plus the retention period.
        ':expires': epochSeconds(at) - (epochSeconds(at) % 3600) + 3600 + dashboardRetentionDays * 86_400,
      },
    });
  } catch (error) {
    reportFailure(error);
  }
}

/**
 * Logs a lost dashboard count (the error's name only). The stack counts these lines as the
 * metric `DashboardCountFailed` with a metric filter (cdk/constructs/app-function.ts): the
 * functions carry no metrics library for a rare failure (Powertools Metrics was 9 KB of the ask
 * bundle, 1 Dec 2026).
 */
function reportFailure(error: unknown): void {
  logger.warn(dashboardCountFailedMessage, {
    errorName: error instanceof Error ? error.name : typeof error,
  });
}

/** One citizen question: its outcome, the answered entry, and whether it went to the unanswered report. */
export function countAsk(
  outcome: { status: MatchStatus; entryId?: string | undefined; recordedUnanswered: boolean },
  at = new Date(),
): Promise<void> {
  return count(
    [
      attribute.ask(outcome.status),
      ...(outcome.status === 'answer' && outcome.entryId ? [attribute.entry(outcome.entryId)] : []),
      ...(outcome.recordedUnanswered ? [attribute.unanswered] : []),
    ],
    at,
  );
}

/** One "was this helpful?" vote for a published entry. */
export function countFeedback(entryId: string, helpful: boolean, at = new Date()): Promise<void> {
  return count([helpful ? attribute.helpful(entryId) : attribute.notHelpful(entryId)], at);
}

/** A ticket was filed (counted once per ticket, not per retry). */
export function countTicketCreated(at = new Date()): Promise<void> {
  return count([attribute.ticketsCreated], at);
}

/** A ticket got its answer: counted in the hour of the answer, with its time to answer. */
export function countTicketAnswered(createdAt: string, answeredAt: string): Promise<void> {
  const answered = new Date(answeredAt);
  const minutes = Math.max(0, (answered.getTime() - Date.parse(createdAt)) / 60_000);
  return count([attribute.ticketsAnswered, attribute.answerTime(answerTimeBucket(minutes))], answered);
}
