// One module on purpose (~360 lines): one publish protocol (below); its steps share the intent
// record and its conditions, and only read together show that each step is safe to repeat.
import { randomUUID } from 'node:crypto';
import {
  batchWrite,
  deleteItem,
  getItem,
  isConditionFailure,
  putItem,
  queryPartition,
  updateItem,
} from '../adapters/dynamodb.ts';
import type { ChangeLogItem, HistoryItem } from '../editing/store.ts';
import { ConflictError } from '../http/errors.ts';
import { logger } from '../observability/logger.ts';
import { knowledgeKeys, knowledgePartitions, type PublishedSetId } from './knowledge-table.ts';
import type { Entry, Settings } from './schema.ts';

/**
 * Crash-safe publishing without transactions (docs/decisions.md, decision 2). Readers find the
 * published knowledge base through one pointer, META's `publishedSet`; a set is written in full
 * under a new partition before the pointer moves, so a reader sees the old set or the new one,
 * never a mix. A publish first records what it is going to do (the intent, on META, with one
 * conditional update that also locks out a second publish), then runs steps that are each safe
 * to repeat; whoever finds the intent later (the next publish, import, rollback or editor read)
 * runs the same steps again and so finishes it.
 */

export interface PublishedItem {
  entry: Entry;
  /** 0 for content that came from the files and was never edited. */
  version: number;
  publishedAt?: string;
}

/** One entry's change, as a publish intent carries it: everything the steps write. */
export interface EntryChange {
  entryId: string;
  /** The draft to remove once the change is live (kept if a newer draft was saved meanwhile). */
  draftVersion: number;
  /** The entry's new published item; null when the change deletes it. */
  item: PublishedItem | null;
  /** History versions to add, with their final numbers (oldest first). */
  history: HistoryItem[];
  changeLog?: ChangeLogItem;
}

export interface PublishIntent {
  id: string;
  kind: 'publish' | 'import';
  /** The set the intent started from, and the one it creates. */
  baseSet: PublishedSetId;
  targetSet: number;
  at: string;
  /** For `publish`; an import's entries are not kept (too large): an unfinished import is undone. */
  change?: EntryChange;
}

/** The META item as stored (knowledge/store.ts exposes its public part as `KnowledgeMeta`). */
export interface MetaRecord {
  version: number;
  settings: Settings;
  source: 'files' | 'editor';
  updatedAt: string;
  /** Absent on tables from before published sets: the legacy set is then current. */
  publishedSet?: number;
  publishedCount?: number;
  pendingId?: string;
  pending?: PublishIntent;
}

/** Another publish (or import) holds the lock, or finished since this one read the published set. */
export class PublishConflictError extends ConflictError {
  constructor() {
    super(
      'Another change was published at the same moment. Reload the entry and publish again.',
      'publish_conflict',
    );
  }
}

export async function readMetaRecord(consistent = true): Promise<MetaRecord | undefined> {
  return (await getItem('knowledge', knowledgeKeys.meta(), { ConsistentRead: consistent })) as
    | MetaRecord
    | undefined;
}

/** META without its settings: the version, the pointer to the published set and the intent. */
export type MetaPointer = Omit<MetaRecord, 'settings'>;

/**
 * Every field of META but its settings, as a record: a field added to META and not here is a type
 * error, not a field that every pointer read silently drops.
 */
const pointerFields = Object.keys({
  version: true,
  source: true,
  updatedAt: true,
  publishedSet: true,
  publishedCount: true,
  pendingId: true,
  pending: true,
} satisfies Record<keyof MetaPointer, true>);

/** Built once: names, not the words themselves, since `source` is one of DynamoDB's reserved words. */
const pointerProjection = {
  ProjectionExpression: pointerFields.map((_, index) => `#f${index}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(pointerFields.map((field, index) => [`#f${index}`, field])),
};

/**
 * Reads META without its settings. The settings are nearly all of the item (some 230 KB with
 * the default knowledge base), and most reads of META only follow the pointer or look for an
 * intent: every editor read and write settles first, and reads the published set through the
 * pointer. Each of those read the whole settings again, which the editor's requests (and the
 * tests that make many of them) paid for in transfer and parsing. Same item, same consistency.
 */
export async function readMetaPointer(consistent = true): Promise<MetaPointer | undefined> {
  return (await getItem('knowledge', knowledgeKeys.meta(), {
    ConsistentRead: consistent,
    ...pointerProjection,
  })) as MetaPointer | undefined;
}

export const currentSet = (meta: Pick<MetaRecord, 'publishedSet'>): PublishedSetId =>
  meta.publishedSet ?? null;

function toPublished(item: Record<string, unknown>): PublishedItem {
  return {
    entry: item.entry as Entry,
    version: Number(item.version ?? 0),
    ...(typeof item.publishedAt === 'string' ? { publishedAt: item.publishedAt } : {}),
  };
}

// Strongly consistent: a reader that followed a new pointer must see the whole set behind it.
const querySet = (set: PublishedSetId) =>
  queryPartition('knowledge', knowledgePartitions.publishedSet(set), { consistent: true });

/** Every item of one published set, by entry id. */
export async function readSet(set: PublishedSetId): Promise<PublishedItem[]> {
  return (await querySet(set)).map(toPublished);
}

export async function readSetEntry(set: PublishedSetId, entryId: string): Promise<PublishedItem | undefined> {
  const item = await getItem('knowledge', knowledgeKeys.published(set, entryId), { ConsistentRead: true });
  return item ? toPublished(item) : undefined;
}

/** Writes a whole set (puts of fixed content: repeating it writes the same items). */
async function writeSet(set: number, items: readonly PublishedItem[]): Promise<void> {
  await batchWrite(
    'knowledge',
    items.map((item) => ({
      PutRequest: { Item: { ...knowledgeKeys.published(set, item.entry.id), ...item } },
    })),
  );
}

/** Deletes every item of a set that no pointer names (any more); a no-op when it is gone. */
async function clearSet(set: PublishedSetId): Promise<void> {
  const items = await querySet(set);
  await batchWrite(
    'knowledge',
    items.map((item) => ({ DeleteRequest: { Key: knowledgeKeys.published(set, String(item.sk)) } })),
  );
}

const baseCondition = (set: PublishedSetId) =>
  set === null ? 'attribute_not_exists(publishedSet)' : 'publishedSet = :base';
const baseValue = (set: PublishedSetId) => (set === null ? {} : { ':base': set });

/** Step 1: records the intent on META; refused (409) while another one is pending or the set moved. */
export async function beginIntent(intent: PublishIntent): Promise<void> {
  try {
    await updateItem('knowledge', knowledgeKeys.meta(), {
      UpdateExpression: 'SET pendingId = :id, pending = :intent',
      ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(pendingId) AND ${baseCondition(intent.baseSet)}`,
      ExpressionAttributeValues: { ':id': intent.id, ':intent': intent, ...baseValue(intent.baseSet) },
    });
  } catch (error) {
    if (isConditionFailure(error)) throw new PublishConflictError();
    throw error;
  }
}

/** A new intent on top of the published set META points to now. */
export function newIntent(
  meta: Pick<MetaRecord, 'version' | 'publishedSet'>,
  kind: PublishIntent['kind'],
  change?: EntryChange,
  at = new Date().toISOString(),
): PublishIntent {
  return {
    id: randomUUID(),
    kind,
    baseSet: currentSet(meta),
    // Greater than every set ever created: sets are created for a version, and versions only rise.
    targetSet: meta.version + 1,
    at,
    ...(change ? { change } : {}),
  };
}

/**
 * The switch: META points to the new set and its version rises (every ask function reloads).
 * Conditional on the intent still holding the lock, so it happens once. False when another
 * runner already did it (or the intent is gone).
 */
async function flip(
  intent: PublishIntent,
  count: number,
  extra: { settings?: Settings; source: MetaRecord['source'] },
): Promise<{ flipped: boolean; version?: number }> {
  try {
    const result = await updateItem('knowledge', knowledgeKeys.meta(), {
      UpdateExpression: `SET publishedSet = :target, publishedCount = :count, #source = :source, updatedAt = :now${
        extra.settings ? ', settings = :settings' : ''
      } ADD version :one`,
      ConditionExpression: `pendingId = :id AND ${baseCondition(intent.baseSet)}`,
      ExpressionAttributeNames: { '#source': 'source' },
      ExpressionAttributeValues: {
        ':target': intent.targetSet,
        ':count': count,
        ':source': extra.source,
        ':now': new Date().toISOString(),
        ':one': 1,
        ':id': intent.id,
        ...(extra.settings ? { ':settings': extra.settings } : {}),
        ...baseValue(intent.baseSet),
      },
      // Only the new version is read back: ALL_NEW returned the whole item, settings and all.
      ReturnValues: 'UPDATED_NEW',
    });
    return { flipped: true, version: Number(result.Attributes?.version) };
  } catch (error) {
    if (isConditionFailure(error)) return { flipped: false };
    throw error;
  }
}

/** Last step: the lock is given back (only by the intent that holds it). */
async function release(intent: PublishIntent): Promise<void> {
  try {
    await updateItem('knowledge', knowledgeKeys.meta(), {
      UpdateExpression: 'REMOVE pendingId, pending',
      ConditionExpression: 'pendingId = :id',
      ExpressionAttributeValues: { ':id': intent.id },
    });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Puts an item that is written once; finding it already there means an earlier run wrote it. */
async function putOnce(item: Record<string, unknown> & { pk: string; sk: string }): Promise<void> {
  try {
    await putItem('knowledge', item, { ConditionExpression: 'attribute_not_exists(pk)' });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** The new set: the base set with the one entry replaced, added or removed. */
async function targetItems(intent: PublishIntent, change: EntryChange): Promise<PublishedItem[]> {
  const items = (await readSet(intent.baseSet)).filter((item) => item.entry.id !== change.entryId);
  if (change.item) items.push(change.item);
  return items.sort((a, b) => a.entry.id.localeCompare(b.entry.id));
}

/** Steps 2–5 of a publish (stage, history, change log, flip), each safe to repeat. */
async function applyChange(intent: PublishIntent, change: EntryChange): Promise<number | undefined> {
  const items = await targetItems(intent, change);
  await writeSet(intent.targetSet, items);
  for (const { entryId, ...rest } of change.history) {
    await putOnce({ ...knowledgeKeys.history(entryId, rest.version), entryId, ...rest });
  }
  if (change.changeLog) {
    const log = change.changeLog;
    await putItem('knowledge', { ...knowledgeKeys.changeLog(log.at, log.entryId), ...log });
  }
  return (await flip(intent, items.length, { source: 'editor' })).version;
}

/** Step 6 of a publish: the draft goes, unless someone saved a newer one meanwhile. */
async function removePublishedDraft(change: EntryChange): Promise<void> {
  try {
    await deleteItem('knowledge', knowledgeKeys.draft(change.entryId), {
      ConditionExpression: 'version = :v',
      ExpressionAttributeValues: { ':v': change.draftVersion },
    });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Longer than a Lambda function may run (15 min): an import intent this old has no owner left. */
const importGraceMs = 20 * 60_000;

/**
 * Runs (or finishes) an intent from wherever an earlier run stopped. Harmless to repeat, also
 * concurrently and also for an intent that is long finished: every write is conditional on the
 * intent still holding META's lock, or puts content that was fixed when the intent was made.
 * Resolves the new META version when this run made the switch.
 */
export async function runIntent(intent: PublishIntent): Promise<number | undefined> {
  const meta = await readMetaPointer();
  if (!meta || meta.pendingId !== intent.id) return undefined; // finished or undone before
  let version: number | undefined;
  if (meta.publishedSet !== intent.targetSet) {
    if (!intent.change) {
      // An import's entries are not in its intent: a recent one is left to the process running
      // it; one older than any import can take has lost that process and is undone instead.
      if (Date.now() - Date.parse(intent.at) < importGraceMs) return undefined;
      await clearSet(intent.targetSet);
      await release(intent);
      logger.warn('unfinished import undone', { intent: intent.id });
      return undefined;
    }
    version = await applyChange(intent, intent.change);
    if (version === undefined) return undefined; // another runner switched and carries on
  }
  if (intent.change) await removePublishedDraft(intent.change);
  await clearSet(intent.baseSet);
  await release(intent);
  return version;
}

/** Finishes a publish or import that stopped half-way (the first thing every writer does). */
export async function settlePublication(): Promise<void> {
  const meta = await readMetaPointer();
  if (!meta?.pending) return;
  logger.info('finishing an interrupted publish', { intent: meta.pending.id, kind: meta.pending.kind });
  await runIntent(meta.pending);
}

/** Publishes one entry's change: intent first, then the steps. Resolves the new META version. */
export async function publishChange(meta: MetaPointer, change: EntryChange, at: string): Promise<number> {
  const intent = newIntent(meta, 'publish', change, at);
  await beginIntent(intent);
  const version = await runIntent(intent);
  return version ?? (await readMetaPointer())?.version ?? intent.targetSet;
}

/**
 * Replaces the whole published set (import). The first import creates META with its set in one
 * conditional put; later ones take the lock like a publish. Resolves the new META.
 */
export async function publishSet(
  items: readonly PublishedItem[],
  settings: Settings,
  source: MetaRecord['source'],
): Promise<MetaRecord> {
  await settlePublication();
  const meta = await readMetaPointer();
  const now = new Date().toISOString();
  if (!meta) {
    await clearSet(1);
    await writeSet(1, items);
    const created: MetaRecord = {
      version: 1,
      settings,
      source,
      updatedAt: now,
      publishedSet: 1,
      publishedCount: items.length,
    };
    try {
      await putItem(
        'knowledge',
        { ...knowledgeKeys.meta(), ...created },
        {
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new PublishConflictError();
      throw error;
    }
    return created;
  }
  const intent = newIntent(meta, 'import', undefined, now);
  await beginIntent(intent);
  await clearSet(intent.targetSet);
  await writeSet(intent.targetSet, items);
  const { flipped, version } = await flip(intent, items.length, { settings, source });
  if (!flipped) throw new PublishConflictError();
  await clearSet(intent.baseSet);
  await release(intent);
  return {
    version: version ?? meta.version + 1,
    settings,
    source,
    updatedAt: now,
    publishedSet: intent.targetSet,
    publishedCount: items.length,
  };
}
