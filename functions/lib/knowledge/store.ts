import { batchWrite, getItem, putItem, queryPartition } from '../adapters/dynamodb.ts';
import type { EvalCase } from './evaluate.ts';
import { knowledgeKeys, knowledgePartitions } from './knowledge-table.ts';
import type { Entry, KnowledgeSnapshot, Settings } from './schema.ts';

/**
 * The published knowledge base (META, EVAL and PUBLISHED items of the `knowledge` table; key
 * layout in knowledge-table.ts). Readers poll the META version and reload entries only when it
 * changed.
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
}

/** Reads the META item (or undefined when the knowledge base was never imported). */
export async function readMeta(consistent = false): Promise<KnowledgeMeta | undefined> {
  return (await getItem('knowledge', knowledgeKeys.meta(), { ConsistentRead: consistent })) as
    | KnowledgeMeta
    | undefined;
}

/** The published version only: the cheap check the ask function makes every few seconds. */
export async function readPublishedVersion(): Promise<number | undefined> {
  const item = await getItem('knowledge', knowledgeKeys.meta(), { ProjectionExpression: 'version' });
  return (item as { version?: number } | undefined)?.version;
}

// Strongly consistent: a reload triggered by a new META version must see the entries written
// before that version was raised, or the cache would keep stale content.
const queryAll = (pk: string) => queryPartition('knowledge', pk, { consistent: true });

/** Loads the whole published knowledge base (entries and settings) with its version. */
export async function loadPublished(): Promise<KnowledgeSnapshot | undefined> {
  const meta = await readMeta(true);
  if (!meta) return undefined;
  const items = await queryAll(knowledgePartitions.published);
  const entries = items.map((item) => item.entry as Entry).sort((a, b) => a.id.localeCompare(b.id));
  return { version: meta.version, settings: meta.settings, entries };
}

/**
 * Replaces the published knowledge base with the given entries and settings and bumps the
 * version, so every ask function reloads within seconds. Used by `kb import`, the first local
 * start and the deploy-time seed. `evalCases` (the settings' eval file) are stored for the
 * publish gate; when omitted, the stored cases stay as they are.
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
  const previous = await readMeta(true);
  const existing = await queryAll(knowledgePartitions.published);
  const keep = new Set(entries.map((entry) => entry.id));
  const now = new Date().toISOString();
  await batchWrite('knowledge', [
    ...entries.map((entry) => ({
      PutRequest: { Item: { ...knowledgeKeys.published(entry.id), entry, publishedAt: now } },
    })),
    ...existing
      .filter((item) => !keep.has(String(item.sk)))
      .map((item) => ({ DeleteRequest: { Key: knowledgeKeys.published(String(item.sk)) } })),
  ]);
  const meta: KnowledgeMeta = { version: (previous?.version ?? 0) + 1, settings, source, updatedAt: now };
  await putItem('knowledge', { ...knowledgeKeys.meta(), ...meta });
  return meta;
}
