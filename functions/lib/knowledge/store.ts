import { createHash } from 'node:crypto';
import { deleteItem, getItem, putItem, updateItem } from '../adapters/dynamodb.ts';
import { withoutLearned } from '../matcher/learned.ts';
import { logger } from '../observability/logger.ts';
import type { EvalCase } from './evaluate.ts';
import { knowledgeKeys } from './knowledge-table.ts';
import {
  currentSet,
  type MetaPointer,
  type PublishedItem,
  publishSet,
  readMetaPointer,
  readMetaRecord,
  readSet,
  readSetEntry,
} from './publication.ts';
import type { Entry, KnowledgeSnapshot, LearnedCounts, Settings } from './schema.ts';

/**
 * The published knowledge base (META, EVAL, LEARNED and the published set of the `knowledge`
 * table; key layout in knowledge-table.ts, writes of META and the sets in publication.ts). Readers
 * poll the META version and reload entries only when it changed; they find the set through META's
 * pointer, and the learned counts in an item of their own.
 */

/** The stored evaluation cases (empty when none were imported). */
export async function readEvalCases(): Promise<EvalCase[]> {
  const item = await getItem('knowledge', knowledgeKeys.evalCases());
  return ((item as { cases?: EvalCase[] } | undefined)?.cases ?? []).slice();
}

export interface KnowledgeMeta {
  version: number;
  settings: Settings;
  /** `files` while the table only holds the shipped defaults; `editor` once staff published. */
  source: 'files' | 'editor';
  updatedAt: string;
  /** The published set readers follow (absent on tables from before sets: the legacy set). */
  publishedSet?: number;
  publishedCount?: number;
}

/** Reads the META item (or undefined when the knowledge base was never imported). */
export async function readMeta(consistent = false): Promise<KnowledgeMeta | undefined> {
  return readMetaRecord(consistent);
}

/** The published version only: the cheap check the ask function makes every few seconds. */
export async function readPublishedVersion(): Promise<number | undefined> {
  const item = await getItem('knowledge', knowledgeKeys.meta(), { ProjectionExpression: 'version' });
  return (item as { version?: number } | undefined)?.version;
}

/**
 * The published items behind META's pointer, read after the pointer. A publish deletes the set
 * it replaced right after switching, so a reader that followed the old pointer can find its set
 * half gone: the count stored with the pointer tells, and the reader follows the pointer again.
 */
async function readCurrent<M extends MetaPointer>(
  readPointer: () => Promise<M | undefined>,
): Promise<{ meta: M; items: PublishedItem[] } | undefined> {
  for (let attempt = 1; ; attempt++) {
    const meta = await readPointer();
    if (!meta) return undefined;
    const items = await readSet(currentSet(meta));
    if (meta.publishedCount === undefined || items.length === meta.publishedCount) return { meta, items };
    if (attempt >= 5) throw new Error('the published set does not match its pointer');
  }
}

/** Every published entry with its revision, by entry id. */
export async function readPublishedItems(): Promise<PublishedItem[]> {
  return (await readCurrent(() => readMetaPointer(true)))?.items ?? [];
}

/** One published entry (undefined when it is not published). */
export async function readPublishedItem(entryId: string): Promise<PublishedItem | undefined> {
  let meta = await readMetaPointer(true);
  while (meta) {
    const item = await readSetEntry(currentSet(meta), entryId);
    if (item) return item;
    // Absent: not published, unless the set was replaced (and deleted) while we looked.
    const again = await readMetaPointer(true);
    if (again?.publishedSet === meta.publishedSet) return undefined;
    meta = again;
  }
  return undefined;
}

/** True when the entry is in the published knowledge base (two small reads, for feedback). */
export async function isPublishedEntry(entryId: string): Promise<boolean> {
  const meta = (await getItem('knowledge', knowledgeKeys.meta(), { ProjectionExpression: 'publishedSet' })) as
    | Pick<MetaPointer, 'publishedSet'>
    | undefined;
  if (!meta) return false;
  const item = await getItem('knowledge', knowledgeKeys.published(currentSet(meta), entryId), {
    ProjectionExpression: 'sk',
  });
  return item !== undefined;
}

/** The stored counts as written: one JSON string (strongly consistent, as META and the set are read). */
async function storedCounts(): Promise<string | undefined> {
  const item = (await getItem('knowledge', knowledgeKeys.learned(), { ConsistentRead: true })) as
    | { counts?: string }
    | undefined;
  return item?.counts;
}

/**
 * The shape of the counts, checked by hand: the schema (zod) would add some 90 KB to the `ask`
 * bundle, and the counts were checked against it when they were imported.
 */
function isCounts(value: unknown): value is LearnedCounts {
  if (typeof value !== 'object' || value === null) return false;
  const { confidence, examples, terms } = value as Partial<Record<keyof LearnedCounts, unknown>>;
  return (
    typeof confidence === 'number' &&
    typeof examples === 'object' &&
    examples !== null &&
    typeof terms === 'object' &&
    terms !== null
  );
}

/**
 * The stored learned counts (undefined when none were imported). Counts that do not parse leave
 * the matcher without its second opinion, with a warning, rather than every reader failing.
 */
export async function readLearned(): Promise<LearnedCounts | undefined> {
  const counts = await storedCounts();
  if (counts === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(counts);
    if (isCounts(parsed)) return parsed;
  } catch {
    // Not JSON: reported below like counts of the wrong shape.
  }
  logger.warn('the stored learned counts are unreadable; matching without them until the next import');
  return undefined;
}

/**
 * Stores the learned counts, or removes them when the imported knowledge base has none (another
 * town's, before its first `kb learn`). Returns whether the stored counts changed.
 */
export async function writeLearned(learned: LearnedCounts | undefined): Promise<boolean> {
  const counts = learned === undefined ? undefined : JSON.stringify(learned);
  if ((await storedCounts()) === counts) return false;
  if (counts === undefined) await deleteItem('knowledge', knowledgeKeys.learned());
  else await putItem('knowledge', { ...knowledgeKeys.learned(), counts });
  return true;
}

/**
 * A digest of the learned counts, kept on META (`learnedSha`): the deploy-time seed moves the
 * version on when the deployed counts differ from those the readers were told about, also when a
 * failed attempt stored them already.
 */
export const learnedDigest = (learned: LearnedCounts | undefined): string =>
  createHash('sha256')
    .update(learned === undefined ? '' : JSON.stringify(learned))
    .digest('hex');

/** Loads the whole published knowledge base (entries and settings) with its version. */
export async function loadPublished(): Promise<KnowledgeSnapshot | undefined> {
  const current = await readCurrent(() => readMetaRecord(true));
  if (!current) return undefined;
  const entries = current.items.map((item) => item.entry).sort((a, b) => a.id.localeCompare(b.id));
  // A table imported before round 28 keeps the counts in META's settings until its next import.
  const learned = (await readLearned()) ?? current.meta.settings.matcher.learned;
  const { settings } = current.meta;
  return {
    version: current.meta.version,
    settings: learned === undefined ? settings : { ...settings, matcher: { ...settings.matcher, learned } },
    entries,
  };
}

/**
 * Replaces the published knowledge base with the given entries and settings and bumps the
 * version, so every ask function reloads within seconds. Used by `kb import`, the first local
 * start and the deploy-time seed. `evalCases` (the settings' eval file) are stored for the
 * publish gate; when omitted, the stored cases stay as they are. The learned counts go to an item
 * of their own (`writeLearned`), META gets the settings without them. The new set is written in
 * full before META points to it (publication.ts): readers never see half an import.
 */
export async function importKnowledge(
  entries: readonly Entry[],
  settings: Settings,
  source: KnowledgeMeta['source'] = 'files',
  evalCases?: readonly EvalCase[],
): Promise<KnowledgeMeta> {
  if (evalCases) {
    await putItem('knowledge', { ...knowledgeKeys.evalCases(), cases: evalCases });
  }
  // The counts first: readers reload when META's version moves on, and find them then. Should the
  // publish below fail (a publish under way), the new counts meet the old entries until the import
  // is run again, which always moves the version on: a second opinion on entries it partly knows.
  await writeLearned(settings.matcher.learned);
  const now = new Date().toISOString();
  const {
    pending: _pending,
    pendingId: _pendingId,
    ...meta
  } = await publishSet(
    entries.map((entry) => ({ entry, version: 0, publishedAt: now })),
    withoutLearned(settings),
    source,
  );
  await updateItem('knowledge', knowledgeKeys.meta(), {
    UpdateExpression: 'SET #learnedSha = :learnedSha',
    ExpressionAttributeNames: { '#learnedSha': 'learnedSha' },
    ExpressionAttributeValues: { ':learnedSha': learnedDigest(settings.matcher.learned) },
  });
  return meta;
}
