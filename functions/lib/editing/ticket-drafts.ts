import { isConditionFailure, updateItem } from '../adapters/dynamodb.ts';
import { knowledgeKeys } from '../knowledge/knowledge-table.ts';
import type { Entry } from '../knowledge/schema.ts';
import { getDraft, removeDraft } from './store.ts';

/**
 * Drafts made from a citizen's ticket (promote). They expire like the ticket would
 * (`expiresAt` on the `DRAFT` item; an editor's save writes a fresh item without it: the
 * editor has taken the text over), and erasing the ticket removes the draft while it still
 * holds the citizen's question.
 */
export async function setDraftExpiry(entryId: string, expiresAt: number): Promise<void> {
  try {
    await updateItem('knowledge', knowledgeKeys.draft(entryId), {
      UpdateExpression: 'SET expiresAt = :expiresAt',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':expiresAt': expiresAt },
    });
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Every text of an entry (both languages), for the "still holds the citizen's text" check. */
function textsOf(entry: Entry): string[] {
  return (['de', 'en'] as const).flatMap((locale) => {
    const localized = entry[locale];
    return [localized.question, localized.answer, ...localized.alternatives, ...localized.tests];
  });
}

/**
 * Removes the draft when it still contains `question` (the citizen's text as promoted);
 * keeps a draft an editor has rewritten. Resolves what happened.
 */
export async function eraseTicketDraft(
  entryId: string,
  question: string,
): Promise<'removed' | 'kept' | 'gone'> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const draft = await getDraft(entryId);
    if (!draft?.entry) return 'gone';
    // The start of the question: drafts clip long texts.
    const needle = question.trim().slice(0, 80).toLocaleLowerCase('de');
    if (!textsOf(draft.entry).some((text) => text.toLocaleLowerCase('de').includes(needle))) return 'kept';
    try {
      await removeDraft(entryId, draft.version);
      return 'removed';
    } catch {
      // Changed in between: look again.
    }
  }
  return 'kept';
}
