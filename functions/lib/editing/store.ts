import { deleteItem, getItem, isConditionFailure, putItem, queryPartition } from '../adapters/dynamodb.ts';
import { ConflictError, type ErrorCode } from '../http/errors.ts';
import { knowledgeKeys, knowledgePartitions } from '../knowledge/knowledge-table.ts';
import type { PublishedItem } from '../knowledge/publication.ts';
import type { Entry, Locale } from '../knowledge/schema.ts';
import { readPublishedItem, readPublishedItems } from '../knowledge/store.ts';

/**
 * Drafts, history and the public change log in the `knowledge` table, next to the published
 * entries (key layout in knowledge/knowledge-table.ts; a publish writes through
 * knowledge/publication.ts). Every entry has one revision counter (`version`), raised by each draft save and publish;
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

export type { PublishedItem } from '../knowledge/publication.ts';

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

/** All drafts, by entry id. */
export async function listDrafts(): Promise<DraftItem[]> {
  return (await queryAll(knowledgePartitions.drafts)).map(toDraft);
}

/** All published entries with their revision (the set META points to). */
export function listPublished(): Promise<PublishedItem[]> {
  return readPublishedItems();
}

export async function getDraft(entryId: string): Promise<DraftItem | undefined> {
  const item = await getItem('knowledge', knowledgeKeys.draft(entryId), { ConsistentRead: true });
  return item ? toDraft(item) : undefined;
}

export function getPublished(entryId: string): Promise<PublishedItem | undefined> {
  return readPublishedItem(entryId);
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

/** The public change log, newest first. */
export async function listChangeLog(limit: number): Promise<ChangeLogItem[]> {
  return (await queryAll(knowledgePartitions.changeLog, true, limit)).slice(0, limit).map((item) => ({
    entryId: String(item.entryId),
    question: item.question as Record<Locale, string>,
    change: item.change as ChangeKind,
    at: String(item.at),
  }));
}
