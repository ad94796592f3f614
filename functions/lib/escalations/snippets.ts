import type { StaffIdentity } from '../auth/groups.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { logger } from '../observability/logger.ts';
import { deleteSnippet, listSnippets, maxSnippets, putSnippet, type Snippet } from './snippet-store.ts';

export type { Snippet };
export { listSnippets };

/** Saves an answer as a snippet; 409 when the team already keeps the maximum number. */
export async function createSnippet(staff: StaffIdentity, title: string, text: string): Promise<Snippet> {
  if ((await listSnippets()).length >= maxSnippets)
    throw new ConflictError(`At most ${maxSnippets} snippets: delete one first.`, 'conflict');
  const snippet = await putSnippet({ title, text, createdBy: staff.name });
  // The id only: titles and texts are the DPO's words and stay out of the logs.
  logger.info('snippet saved', { snippetId: snippet.id });
  return snippet;
}

/** Deletes a snippet; 404 when it is gone already (another DPO deleted it). */
export async function removeSnippet(id: string): Promise<void> {
  if (!(await deleteSnippet(id))) throw new NotFoundError('Snippet not found.');
  logger.info('snippet deleted', { snippetId: id });
}
