import { type AskResponse, ask } from '../ask/ask.ts';
import { ServiceUnavailableError } from '../http/errors.ts';
import type { Entry, Locale } from '../knowledge/schema.ts';
import { loadPublished } from '../knowledge/store.ts';
import { createMatcher } from '../matcher/matcher.ts';
import { listDrafts } from './store.ts';

/**
 * "Try a question": the same question against the published knowledge base and against the
 * knowledge base with every pending draft applied (plus, optionally, the unsaved form).
 */
export async function tryQuestion(
  question: string,
  locale: Locale | undefined,
  unsaved?: Entry,
): Promise<{ published: AskResponse; draft: AskResponse }> {
  const snapshot = await loadPublished();
  if (!snapshot) throw new ServiceUnavailableError(30, 'The knowledge base was never imported.');
  const byId = new Map(snapshot.entries.map((entry) => [entry.id, entry]));
  for (const draft of await listDrafts()) {
    if (draft.entry) byId.set(draft.entryId, draft.entry);
    else byId.delete(draft.entryId);
  }
  if (unsaved) byId.set(unsaved.id, unsaved);
  const drafted = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  const publishedKnowledge = { snapshot, matcher: createMatcher(snapshot.entries, snapshot.settings) };
  const draftKnowledge = {
    snapshot: { ...snapshot, entries: drafted },
    matcher: createMatcher(drafted, snapshot.settings),
  };
  return {
    published: ask(publishedKnowledge, question, locale),
    draft: ask(draftKnowledge, question, locale),
  };
}
