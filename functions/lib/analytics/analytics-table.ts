import type { ItemKey } from '../adapters/dynamodb.ts';

/**
 * The key layout of the `analytics` table, and the only code that builds its keys. Nothing in
 * this table identifies a citizen. Items:
 * - `FEEDBACK / <entry id>`: two counters per answer (`helpful`, `notHelpful`), no time, no text;
 * - `UNANSWERED / <iso time>#<random>`: an anonymised unanswered question with its TTL
 *   (`expiresAt`, `unanswered.retentionDays`).
 * - `UNANSWERED / Q#<hash>`: since issue 14 one item per distinct normalised question (counter,
 *   last seen); `UNANSWERED_RATE / <day>#<bucket>`: new distinct questions per client bucket
 *   and day (2 days);
 * - `VOTE / <nonce>`: a spent single-use vote token (expires with the token);
 * - `DASHBOARD / H#<yyyy-mm-ddThh>`: the situation dashboard's counters for one hour (UTC),
 *   numbers only, with a TTL (`expiresAt`, 35 days).
 * Writers: feedback/feedback.ts, feedback/vote-token.ts, unanswered/report.ts, unanswered/store.ts
 * and dashboard/counters.ts.
 */
export const analyticsPartitions = {
  feedback: 'FEEDBACK',
  unanswered: 'UNANSWERED',
  dashboard: 'DASHBOARD',
  unansweredRate: 'UNANSWERED_RATE',
  votes: 'VOTE',
} as const;

export const analyticsKeys = {
  feedback: (entryId: string): ItemKey => ({ pk: analyticsPartitions.feedback, sk: entryId }),
  /** `sk` is the stored sort key, as listed (it sorts by time, the suffix keeps it unique). */
  unanswered: (sk: string): ItemKey => ({ pk: analyticsPartitions.unanswered, sk }),
  /** The dashboard's counters for one hour, `yyyy-mm-ddThh` (UTC). */
  dashboardHour: (hour: string): ItemKey => ({ pk: analyticsPartitions.dashboard, sk: `H#${hour}` }),
  /** New distinct unanswered questions of one client bucket (keyed hash) on one day. */
  unansweredRate: (day: string, bucket: string): ItemKey => ({
    pk: analyticsPartitions.unansweredRate,
    sk: `${day}#${bucket}`,
  }),
  /** A spent vote token's nonce. */
  usedVote: (nonce: string): ItemKey => ({ pk: analyticsPartitions.votes, sk: nonce }),
  newUnanswered: (at: string, random: string): ItemKey => ({
    pk: analyticsPartitions.unanswered,
    sk: `${at}#${random}`,
  }),
} as const;
