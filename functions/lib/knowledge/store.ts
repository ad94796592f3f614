import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, queryPartition, tableName } from '../adapters/dynamodb.ts';
import type { EvalCase } from './evaluate.ts';
import type { Entry, KnowledgeSnapshot, Settings } from './schema.ts';

/**
 * The published knowledge base in DynamoDB (table `knowledge`):
 * - `pk=KB, sk=META`: the published version number, the settings, and where it came from;
 * - `pk=PUBLISHED, sk=<entry id>`: one item per published entry.
 * - `pk=KB, sk=EVAL`: the evaluation cases of `settings.publishing.evalFile`, for the publish gate.
 * Readers poll the META version (one small GetItem) and reload entries only when it changed.
 */
const metaKey = { pk: 'KB', sk: 'META' };
const evalKey = { pk: 'KB', sk: 'EVAL' };

/** The stored evaluation cases (empty when none were imported). */
export async function readEvalCases(): Promise<EvalCase[]> {
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName('knowledge'), Key: evalKey }),
  );
  return ((result.Item as { cases?: EvalCase[] } | undefined)?.cases ?? []).slice();
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
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName('knowledge'), Key: metaKey, ConsistentRead: consistent }),
  );
  return result.Item as KnowledgeMeta | undefined;
}

/** The published version only: the cheap check the ask function makes every few seconds. */
export async function readPublishedVersion(): Promise<number | undefined> {
  const result = await documentClient().send(
    new GetCommand({ TableName: tableName('knowledge'), Key: metaKey, ProjectionExpression: 'version' }),
  );
  return (result.Item as { version?: number } | undefined)?.version;
}

// Strongly consistent: a reload triggered by a new META version must see the entries written
// before that version was raised, or the cache would keep stale content.
const queryAll = (pk: string) => queryPartition('knowledge', pk, { consistent: true });

/** Loads the whole published knowledge base (entries and settings) with its version. */
export async function loadPublished(): Promise<KnowledgeSnapshot | undefined> {
  const meta = await readMeta(true);
  if (!meta) return undefined;
  const items = await queryAll('PUBLISHED');
  const entries = items.map((item) => item.entry as Entry).sort((a, b) => a.id.localeCompare(b.id));
  return { version: meta.version, settings: meta.settings, entries };
}

async function batchWrite(requests: Record<string, unknown>[]): Promise<void> {
  for (let start = 0; start < requests.length; start += 25) {
    let pending: Record<string, unknown>[] | undefined = requests.slice(start, start + 25);
    for (let attempt = 0; pending?.length; attempt++) {
      if (attempt > 8) throw new Error('BatchWrite did not finish');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      const result = await documentClient().send(
        new BatchWriteCommand({ RequestItems: { [tableName('knowledge')]: pending as never } }),
      );
      pending = result.UnprocessedItems?.[tableName('knowledge')] as Record<string, unknown>[] | undefined;
    }
  }
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
    await documentClient().send(
      new PutCommand({ TableName: tableName('knowledge'), Item: { ...evalKey, cases: evalCases } }),
    );
  }
  const previous = await readMeta(true);
  const existing = await queryAll('PUBLISHED');
  const keep = new Set(entries.map((entry) => entry.id));
  const now = new Date().toISOString();
  await batchWrite([
    ...entries.map((entry) => ({
      PutRequest: { Item: { pk: 'PUBLISHED', sk: entry.id, entry, publishedAt: now } },
    })),
    ...existing
      .filter((item) => !keep.has(String(item.sk)))
      .map((item) => ({ DeleteRequest: { Key: { pk: 'PUBLISHED', sk: item.sk } } })),
  ]);
  const meta: KnowledgeMeta = { version: (previous?.version ?? 0) + 1, settings, source, updatedAt: now };
  await documentClient().send(
    new PutCommand({ TableName: tableName('knowledge'), Item: { ...metaKey, ...meta } }),
  );
  return meta;
}
