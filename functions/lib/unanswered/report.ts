import { createHash } from 'node:crypto';
import { batchWrite, deleteItem, isExpired, queryPartition } from '../adapters/dynamodb.ts';
import { analyticsKeys, analyticsPartitions } from '../analytics/analytics-table.ts';
import { analysisOfTag, type Locale } from '../knowledge/locales.ts';
import type { MatchStatus } from '../matcher/matcher.ts';
import { analyze } from '../matcher/normalize.ts';
import { TermIndex } from '../matcher/term-index.ts';
import { anonymise } from './anonymise.ts';
import { countQuestion } from './store.ts';

/**
 * The unanswered-questions report (table `analytics`, key layout in analytics/analytics-table.ts): questions
 * that ended in `none` or `suggest`, or in `answer` with a further question left out
 * (round 29: the whole message, status `answer`), anonymised before they are stored. Each distinct
 * normalised question is ONE item with a counter and a last-seen time (a single-item update
 * per ask), new distinct items are capped per client bucket and day, items expire after
 * `unanswered.retentionDays` from their last ask, and the report groups only the most frequent
 * (then newest) `reportSize` of them, through a term index instead of comparing all pairs.
 */
export interface UnansweredItem {
  sk: string;
  text: string;
  locale: Locale;
  status: MatchStatus;
  /** Last time this question was asked. */
  at: string;
  /** First time it was asked (the group representative is the oldest question). */
  firstSeen?: string;
  /** How often it was asked (1 for items from before the counter). */
  count?: number;
  expiresAt: number;
}

export interface UnansweredGroup {
  /** Stable id: a hash of the representative text. */
  id: string;
  /** The first question of the group (anonymised): stays the same while it is kept. */
  text: string;
  locale: Locale;
  count: number;
  lastAskedAt: string;
  /** Up to ten distinct phrasings, oldest first. */
  examples: string[];
  /** Sort keys of the group's items, so a handled group can be removed. */
  keys: string[];
}

/** Matching terms of a question, without the anonymiser's placeholders. */
const termsOfText = (text: string, locale: Locale) =>
  new Set(analyze(text.replace(/\[[^\]]*\]/g, ' '), analysisOfTag(locale)));

/**
 * The sort key of a question: the same for every phrasing with the same terms (case, word
 * order, punctuation and stop words do not matter). Erasure uses it to find a ticket's copy.
 */
export function unansweredKey(question: string, locale: Locale): string {
  const text = anonymise(question);
  const terms = [...termsOfText(text, locale)].sort();
  const basis = terms.length ? terms.join(' ') : text.toLocaleLowerCase('de');
  return `Q#${createHash('sha256').update(`${locale}\u0000${basis}`).digest('hex').slice(0, 32)}`;
}

export interface RecordOptions {
  retentionDays: number;
  /** New distinct questions the bucket may add today. */
  newPerBucketDaily: number;
  /** The client's bucket (keyed hash of its network); undefined skips the cap (staff, tests). */
  bucket?: string;
}

/** Records one unanswered question, anonymised: counts an existing one or adds a new one. */
export async function recordUnanswered(
  question: string,
  locale: Locale,
  status: MatchStatus,
  options: RecordOptions,
  now = new Date(),
): Promise<'counted' | 'added' | 'capped'> {
  return countQuestion({
    sk: unansweredKey(question, locale),
    text: anonymise(question),
    locale,
    status,
    now,
    ...options,
  });
}

/** Every unexpired item (one per distinct question). */
export async function listUnanswered(now = new Date()): Promise<UnansweredItem[]> {
  const items = await queryPartition('analytics', analyticsPartitions.unanswered);
  return items.filter((item) => !isExpired(item, now)) as unknown as UnansweredItem[];
}

/** Removes handled items (after a group became a draft or phrasings). */
export async function removeUnanswered(keys: readonly string[]): Promise<void> {
  await batchWrite(
    'analytics',
    keys.map((sk) => ({ DeleteRequest: { Key: analyticsKeys.unanswered(sk) } })),
  );
}

/** Erases the stored copy of a question (the citizen erased the ticket it came with). */
export async function eraseUnansweredCopy(question: string, locale: Locale): Promise<void> {
  await deleteItem('analytics', analyticsKeys.unanswered(unansweredKey(question, locale)));
}

/**
 * Two questions are "the same" when their stemmed terms overlap by half (Jaccard), or when one
 * contains nearly all terms of the other and that is at least three terms (a long question that
 * wraps the short one in greetings and placeholders).
 */
export function similar(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return a.size === b.size;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const smaller = Math.min(a.size, b.size);
  return shared / (a.size + b.size - shared) >= 0.5 || (smaller >= 3 && shared / smaller >= 0.8);
}

const firstSeen = (item: UnansweredItem) => item.firstSeen ?? item.at;

/**
 * Groups questions by single link: two questions are in one group when a chain of `similar`
 * questions connects them. Candidates come from a term index, so only questions sharing a
 * distinctive term are compared. The representative is the group's oldest question, so a group
 * keeps its id while new questions join it.
 */
export function groupQuestions(items: readonly UnansweredItem[]): UnansweredGroup[] {
  const oldestFirst = [...items].sort(
    (a, b) => firstSeen(a).localeCompare(firstSeen(b)) || a.sk.localeCompare(b.sk),
  );
  const terms = oldestFirst.map((item) => termsOfText(item.text, item.locale));
  const index = new TermIndex(terms);
  const parent = oldestFirst.map((_, i) => i);
  const root = (i: number): number => {
    let current = i;
    while (parent[current] !== current) current = parent[current] ?? current;
    parent[i] = current;
    return current;
  };
  oldestFirst.forEach((a, i) => {
    const termsA = terms[i] ?? new Set<string>();
    const candidates = termsA.size === 0 ? oldestFirst.map((_, j) => j) : index.candidates(termsA);
    for (const j of candidates) {
      const b = oldestFirst[j];
      if (j <= i || !b || a.locale !== b.locale || root(i) === root(j)) continue;
      if (similar(termsA, terms[j] ?? new Set())) {
        // The older root stays the root: it is the representative.
        const [older, newer] = [root(i), root(j)].sort((x, y) => x - y) as [number, number];
        parent[newer] = older;
      }
    }
  });
  const groups = new Map<number, UnansweredGroup>();
  oldestFirst.forEach((item, i) => {
    const key = root(i);
    const count = Math.max(1, Number(item.count ?? 1));
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        id: createHash('sha256').update(`${item.locale}\u0000${item.text}`).digest('hex').slice(0, 16),
        text: item.text,
        locale: item.locale,
        count,
        lastAskedAt: item.at,
        examples: [item.text],
        keys: [item.sk],
      });
      return;
    }
    group.count += count;
    group.keys.push(item.sk);
    if (item.at > group.lastAskedAt) group.lastAskedAt = item.at;
    if (group.examples.length < 10 && !group.examples.includes(item.text)) group.examples.push(item.text);
  });
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt));
}

/** The `limit` most frequent (then newest) questions: what the report groups. */
export function topQuestions(items: readonly UnansweredItem[], limit: number): UnansweredItem[] {
  return [...items]
    .sort((a, b) => Number(b.count ?? 1) - Number(a.count ?? 1) || b.at.localeCompare(a.at))
    .slice(0, limit);
}

/** The grouped report over the most frequent/newest `limit` questions: most frequent first, then newest. */
export async function unansweredReport(now = new Date(), limit = 500): Promise<UnansweredGroup[]> {
  return groupQuestions(topQuestions(await listUnanswered(now), limit));
}
