import { createHash, randomUUID } from 'node:crypto';
import { batchWrite, epochSeconds, isExpired, putItem, queryPartition } from '../adapters/dynamodb.ts';
import { analyticsKeys, analyticsPartitions } from '../analytics/analytics-table.ts';
import type { Locale } from '../knowledge/schema.ts';
import type { MatchStatus } from '../matcher/matcher.ts';
import { analyze } from '../matcher/normalize.ts';
import { anonymise } from './anonymise.ts';

/**
 * The unanswered-questions report (table `analytics`, key layout in analytics/analytics-table.ts):
 * questions that ended in `none` or `suggest`, anonymised before they are stored, kept for
 * `unanswered.retentionDays` (TTL), grouped by similarity for staff.
 */
export interface UnansweredItem {
  sk: string;
  text: string;
  locale: Locale;
  status: MatchStatus;
  at: string;
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

/** Records one unanswered question, anonymised, with its expiry. */
export async function recordUnanswered(
  question: string,
  locale: Locale,
  status: MatchStatus,
  retentionDays: number,
  now = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await putItem('analytics', {
    ...analyticsKeys.newUnanswered(at, randomUUID().slice(0, 8)),
    text: anonymise(question),
    locale,
    status,
    at,
    expiresAt: epochSeconds(now) + retentionDays * 86_400,
  });
}

/** Every unexpired item, newest first. */
export async function listUnanswered(now = new Date()): Promise<UnansweredItem[]> {
  const items = await queryPartition('analytics', analyticsPartitions.unanswered, { newestFirst: true });
  return items.filter((item) => !isExpired(item, now)) as unknown as UnansweredItem[];
}

/** Removes handled items (after a group became a draft or phrasings). */
export async function removeUnanswered(keys: readonly string[]): Promise<void> {
  await batchWrite(
    'analytics',
    keys.map((sk) => ({ DeleteRequest: { Key: analyticsKeys.unanswered(sk) } })),
  );
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

/** Matching terms of a stored question, without the anonymiser's placeholders. */
const termsOf = (item: UnansweredItem) =>
  new Set(analyze(item.text.replace(/\[[^\]]*\]/g, ' '), item.locale));

/**
 * Groups questions by single link: two questions are in one group when a chain of `similar`
 * questions connects them. The representative is the group's oldest question, so a group keeps
 * its id while new questions join it. Quadratic, which is fine for the few thousand questions a
 * retention window holds.
 */
export function groupQuestions(items: readonly UnansweredItem[]): UnansweredGroup[] {
  const oldestFirst = [...items].sort((a, b) => a.sk.localeCompare(b.sk));
  const terms = oldestFirst.map(termsOf);
  const parent = oldestFirst.map((_, index) => index);
  const root = (index: number): number => {
    let current = index;
    while (parent[current] !== current) current = parent[current] ?? current;
    parent[index] = current;
    return current;
  };
  for (let i = 0; i < oldestFirst.length; i++) {
    for (let j = i + 1; j < oldestFirst.length; j++) {
      const a = oldestFirst[i];
      const b = oldestFirst[j];
      if (!a || !b || a.locale !== b.locale || root(i) === root(j)) continue;
      if (similar(terms[i] ?? new Set(), terms[j] ?? new Set())) {
        // The older root stays the root: it is the representative.
        const [older, newer] = [root(i), root(j)].sort((x, y) => x - y) as [number, number];
        parent[newer] = older;
      }
    }
  }
  const groups = new Map<number, UnansweredGroup>();
  oldestFirst.forEach((item, index) => {
    const key = root(index);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        id: createHash('sha256').update(`${item.locale}\u0000${item.text}`).digest('hex').slice(0, 16),
        text: item.text,
        locale: item.locale,
        count: 1,
        lastAskedAt: item.at,
        examples: [item.text],
        keys: [item.sk],
      });
      return;
    }
    group.count++;
    group.keys.push(item.sk);
    if (item.at > group.lastAskedAt) group.lastAskedAt = item.at;
    if (group.examples.length < 10 && !group.examples.includes(item.text)) group.examples.push(item.text);
  });
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt));
}

/** The grouped report: most frequent first, then newest. */
export async function unansweredReport(now = new Date()): Promise<UnansweredGroup[]> {
  return groupQuestions(await listUnanswered(now));
}
