import type { ItemKey } from '../adapters/dynamodb.ts';

/**
 * The key layout of the `knowledge` table, and the only code that builds its keys. Items:
 * - `KB / META`: the published version number, the settings and where they came from; the ask
 *   function polls its `version` (one small GetItem) and reloads entries only when it changed;
 * - `KB / EVAL`: the evaluation cases of `settings.publishing.evalFile`, for the publish gate;
 * - `PUBLISHED / <entry id>`: one item per published entry, with its revision (`version`);
 * - `DRAFT / <entry id>`: the one pending change of an entry (new text or a deletion);
 * - `HISTORY#<entry id> / V#<00000000n>`: every published version, with author and approver;
 * - `CHANGELOG / <iso time>#<entry id>`: what changed publicly, without staff names.
 * Readers: knowledge/store.ts (published snapshot, import), editing/store.ts (drafts, history,
 * change log, version bump) and feedback/feedback.ts (does an entry exist?).
 */
export const knowledgePartitions = {
  published: 'PUBLISHED',
  drafts: 'DRAFT',
  changeLog: 'CHANGELOG',
  history: (entryId: string) => `HISTORY#${entryId}`,
} as const;

export const knowledgeKeys = {
  meta: (): ItemKey => ({ pk: 'KB', sk: 'META' }),
  evalCases: (): ItemKey => ({ pk: 'KB', sk: 'EVAL' }),
  published: (entryId: string): ItemKey => ({ pk: knowledgePartitions.published, sk: entryId }),
  draft: (entryId: string): ItemKey => ({ pk: knowledgePartitions.drafts, sk: entryId }),
  history: (entryId: string, version: number): ItemKey => ({
    pk: knowledgePartitions.history(entryId),
    sk: `V#${String(version).padStart(8, '0')}`,
  }),
  changeLog: (at: string, entryId: string): ItemKey => ({
    pk: knowledgePartitions.changeLog,
    sk: `${at}#${entryId}`,
  }),
} as const;
