import {
  deleteItem,
  getItem,
  isConditionFailure,
  putItem,
  queryPartition,
  updateItem,
} from '../adapters/dynamodb.ts';
import { ConflictError, type ErrorCode } from '../http/errors.ts';
import { knowledgeKeys, knowledgePartitions } from '../knowledge/knowledge-table.ts';
import type { Entry, Locale } from '../knowledge/schema.ts';

/**
 * Drafts, history and the public change log in the `knowledge` table, next to the published
 * entries (key layout in knowledge/knowledge-table.ts). Every entry has one revision counter (`version`), raised by each draft save and publish;
 * writes are conditional on it (optimistic locking).
 */
export type DraftState = 'draft' | 'review' | 'approved';

export interface DraftItem {
  entryId: string;
  /** The new content; absent when the change deletes the entry. */
  entry?: Entry;
  deleted?: boolean;
  version: number;
  state: DraftState;
  /** Display names of everyone who wrote this change (the four-eyes rule excludes them all). */
  authors: string[];
  /** Subjects of the same people, for the comparison. */
  authorSubs: string[];
  approvedBy?: string;
  approvedBySub?: string;
  /** Published version this change started from (null for a new entry). */
  baseVersion: number | null;
  updatedAt: string;
  /** When the review was requested, and the quality check (publish gate) run at that moment. */
  reviewRequestedAt?: string;
  check?: DraftCheck;
}

/** The publish gate's verdict on a draft, kept with it so the reviewer sees it. */
export interface DraftCheck {
  passed: boolean;
  at: string;
  before: { accuracy: number; falseAnswerRate: number };
  after: { accuracy: number; falseAnswerRate: number };
  thresholds: { minAccuracy: number; maxFalseAnswerRate: number };
  /** How many test questions pass now and would fail with the change. */
  newFailures: number;
}

export interface PublishedItem {
  entry: Entry;
  /** 0 for content that came from the files and was never edited. */
  version: number;
  publishedAt?: string;
}

export interface HistoryItem {
  entryId: string;
  version: number;
  entry?: Entry;
  deleted?: boolean;
  /** `files`: the text imported from the knowledge files, before its first edit. */
  origin?: 'files' | 'editor';
  authors: string[];
  approver?: string;
  publishedAt: string;
}

export type ChangeKind = 'created' | 'updated' | 'deleted';

export interface ChangeLogItem {
  entryId: string;
  question: Record<Locale, string>;
  change: ChangeKind;
  at: string;
  /** Names of people never appear here: this list is public. */
}

/** Runs a conditional write; a failed condition becomes a 409 with the given message. */
async function conditional<T>(
  write: () => Promise<T>,
  message: string,
  code: ErrorCode = 'version_conflict',
) {
  try {
    return await write();
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError(message, code);
    throw error;
  }
}

const queryAll = (pk: string, newestFirst = false, limit?: number) =>
  queryPartition('knowledge', pk, { newestFirst, consistent: true, ...(limit ? { limit } : {}) });

function toDraft(item: Record<string, unknown>): DraftItem {
  const { pk: _pk, sk, ...rest } = item;
  return { ...(rest as Omit<DraftItem, 'entryId'>), entryId: String(sk) };
}

function toPublished(item: Record<string, unknown>): PublishedItem {
  return {
    entry: item.entry as Entry,
    version: Number(item.version ?? 0),
    ...(typeof item.publishedAt === 'string' ? { publishedAt: item.publishedAt } : {}),
  };
}

/** All drafts, by entry id. */
export async function listDrafts(): Promise<DraftItem[]> {
  return (await queryAll(knowledgePartitions.drafts)).map(toDraft);
}

/** All published entries with their revision. */
export async function listPublished(): Promise<PublishedItem[]> {
  return (await queryAll(knowledgePartitions.published)).map(toPublished);
}

export async function getDraft(entryId: string): Promise<DraftItem | undefined> {
  const item = await getItem('knowledge', knowledgeKeys.draft(entryId), { ConsistentRead: true });
  return item ? toDraft(item) : undefined;
}

export async function getPublished(entryId: string): Promise<PublishedItem | undefined> {
  const item = await getItem('knowledge', knowledgeKeys.published(entryId), { ConsistentRead: true });
  return item ? toPublished(item) : undefined;
}

/**
 * Writes a draft when the stored one still has `expectedVersion` (or, for the first draft of
 * an entry, when there is none): a stale editor gets 409 instead of overwriting a colleague.
 */
export async function putDraft(draft: DraftItem, expectedDraftVersion: number | null): Promise<void> {
  const { entryId, ...rest } = draft;
  await conditional(
    () =>
      putItem(
        'knowledge',
        { ...knowledgeKeys.draft(entryId), ...rest },
        expectedDraftVersion === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :v',
              ExpressionAttributeValues: { ':v': expectedDraftVersion },
            },
      ),
    'Someone else changed this entry in the meantime. Reload it and apply your change again.',
  );
}

/** Removes a draft if it still has `version` (after publishing, or when it is discarded). */
export async function removeDraft(entryId: string, version: number): Promise<void> {
  await conditional(
    () =>
      deleteItem('knowledge', knowledgeKeys.draft(entryId), {
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':v': version },
      }),
    'Someone else changed this entry in the meantime. Reload it.',
  );
}

/** Writes the published state of one entry (or removes it for a deletion). */
export async function writePublished(entryId: string, item: PublishedItem | undefined): Promise<void> {
  if (!item) {
    await deleteItem('knowledge', knowledgeKeys.published(entryId));
    return;
  }
  await putItem('knowledge', { ...knowledgeKeys.published(entryId), ...item });
}

/** Adds a version to an entry's history; a version is written once (409 if it exists). */
export async function putHistory(item: HistoryItem): Promise<void> {
  const { entryId, ...rest } = item;
  await conditional(
    () =>
      putItem(
        'knowledge',
        { ...knowledgeKeys.history(entryId, item.version), entryId, ...rest },
        { ConditionExpression: 'attribute_not_exists(pk)' },
      ),
    'This version was published already.',
  );
}

/** Every published version of an entry, newest first. */
export async function listHistory(entryId: string): Promise<HistoryItem[]> {
  return (await queryAll(knowledgePartitions.history(entryId), true)).map((item) => {
    const { pk: _pk, sk: _sk, ...rest } = item;
    return rest as unknown as HistoryItem;
  });
}

export async function getHistoryVersion(entryId: string, version: number): Promise<HistoryItem | undefined> {
  const item = await getItem('knowledge', knowledgeKeys.history(entryId, version));
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as unknown as HistoryItem;
}

export async function putChangeLog(item: ChangeLogItem): Promise<void> {
  await putItem('knowledge', { ...knowledgeKeys.changeLog(item.at, item.entryId), ...item });
}

/** The public change log, newest first. */
export async function listChangeLog(limit: number): Promise<ChangeLogItem[]> {
  return (await queryAll(knowledgePartitions.changeLog, true, limit)).slice(0, limit).map((item) => ({
    entryId: String(item.entryId),
    question: item.question as Record<Locale, string>,
    change: item.change as ChangeKind,
    at: String(item.at),
  }));
}

/**
 * Raises the published version so every ask function reloads. Conditional on the version the
 * publish gate evaluated; if another publish slipped in between, the bump still happens
 * (caches must reload) and the caller learns about it.
 */
export async function bumpPublishedVersion(expected: number): Promise<{ version: number; raced: boolean }> {
  const now = new Date().toISOString();
  try {
    await updateItem('knowledge', knowledgeKeys.meta(), {
      UpdateExpression: 'SET version = :next, #source = :editor, updatedAt = :now',
      ConditionExpression: 'version = :expected',
      ExpressionAttributeNames: { '#source': 'source' },
      ExpressionAttributeValues: {
        ':next': expected + 1,
        ':expected': expected,
        ':editor': 'editor',
        ':now': now,
      },
    });
    return { version: expected + 1, raced: false };
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    const result = await updateItem('knowledge', knowledgeKeys.meta(), {
      UpdateExpression: 'SET #source = :editor, updatedAt = :now ADD version :one',
      ExpressionAttributeNames: { '#source': 'source' },
      ExpressionAttributeValues: { ':one': 1, ':editor': 'editor', ':now': now },
      ReturnValues: 'ALL_NEW',
    });
    return { version: Number(result.Attributes?.version ?? expected + 1), raced: true };
  }
}
