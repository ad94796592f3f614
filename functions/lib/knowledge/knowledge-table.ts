import type { ItemKey } from '../adapters/dynamodb.ts';

/**
 * The key layout of the `knowledge` table, and the only code that builds its keys. Items:
 * - `KB / META`: the published version number, the settings and where they came from, and the
 *   pointer to the published set (`publishedSet`, `publishedCount`); while a publish or import
 *   is under way also its intent (`pendingId`, `pending`; see publication.ts). The ask function
 *   polls its `version` (one small GetItem) and reloads entries only when it changed;
 * - `KB / EVAL`: the evaluation cases of `settings.publishing.evalFile`, for the publish gate;
 * - `PUBLISHED#<0000000n> / <entry id>`: one published set, one item per entry with its
 *   revision (`version`). A set is written once, before META points to it, and never changed;
 *   `PUBLISHED / <entry id>` is the set of tables from before sets existed (no `publishedSet`);
 * - `DRAFT / <entry id>`: the one pending change of an entry (new text or a deletion);
 * - `HISTORY#<entry id> / V#<00000000n>`: every published version, with author and approver;
 * - `CHANGELOG / <iso time>#<entry id>`: what changed publicly, without staff names.
 * Writers of the published state: knowledge/publication.ts only (sets, META pointer, intent,
 * and the history, change-log and draft writes of a publish). Readers: knowledge/store.ts
 * (published snapshot, import), editing/store.ts (drafts, history, change log).
 */
/** A published set's id: the META version it was created for; `null` is the legacy set. */
export type PublishedSetId = number | null;

export const knowledgePartitions = {
  publishedSet: (set: PublishedSetId) =>
    set === null ? 'PUBLISHED' : `PUBLISHED#${String(set).padStart(8, '0')}`,
  drafts: 'DRAFT',
  changeLog: 'CHANGELOG',
  history: (entryId: string) => `HISTORY#${entryId}`,
} as const;

export const knowledgeKeys = {
  meta: (): ItemKey => ({ pk: 'KB', sk: 'META' }),
  evalCases: (): ItemKey => ({ pk: 'KB', sk: 'EVAL' }),
  published: (set: PublishedSetId, entryId: string): ItemKey => ({
    pk: knowledgePartitions.publishedSet(set),
    sk: entryId,
  }),
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
