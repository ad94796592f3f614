import { randomUUID } from 'node:crypto';
import { deleteItem, isConditionFailure, putItem, queryPartition } from '../adapters/dynamodb.ts';

/**
 * The DPO's answer snippets ("Textbausteine"): after a breach the same question arrives hundreds
 * of times, so the team saves an answer once and inserts it again. Stored in the tickets table
 * (the inbox function's only table, so no new grant) under one partition, `SNIPPET`, with the
 * sort key `SNIPPET#<id>`: listing them is one query. This module is the only code that builds
 * those keys (through the adapter's item helpers, no SDK of its own); the notification stream
 * ignores them (its items are `TICKET#…/TICKET`).
 *
 * A snippet holds what the DPO typed and who saved it (a staff name, as in the audit trail);
 * never ticket data, so it needs no expiry.
 */
export interface Snippet {
  id: string;
  title: string;
  /** Markdown, as the answer field takes it. */
  text: string;
  createdAt: string;
  createdBy: string;
}

/** More would no longer be a short list to pick from; the cap also bounds the one query. */
export const maxSnippets = 200;

const partition = 'SNIPPET';
const snippetKey = (id: string) => ({ pk: partition, sk: `SNIPPET#${id}` });

/** Every snippet, oldest first (creation order: the sort key starts with the creation time). */
export async function listSnippets(): Promise<Snippet[]> {
  const items = await queryPartition('tickets', partition, { consistent: true, limit: maxSnippets });
  return items.map(({ id, title, text, createdAt, createdBy }) => ({
    id: String(id),
    title: String(title),
    text: String(text),
    createdAt: String(createdAt),
    createdBy: String(createdBy),
  }));
}

/** Stores a new snippet under a fresh id (time-ordered, so the list keeps creation order). */
export async function putSnippet(input: Pick<Snippet, 'title' | 'text' | 'createdBy'>): Promise<Snippet> {
  const createdAt = new Date().toISOString();
  const snippet: Snippet = {
    id: `${createdAt.replace(/\D/g, '')}-${randomUUID().slice(0, 8)}`,
    title: input.title,
    text: input.text,
    createdAt,
    createdBy: input.createdBy,
  };
  await putItem(
    'tickets',
    { ...snippetKey(snippet.id), ...snippet },
    { ConditionExpression: 'attribute_not_exists(pk)' },
  );
  return snippet;
}

/** Deletes a snippet; false when there was none with this id. */
export async function deleteSnippet(id: string): Promise<boolean> {
  try {
    await deleteItem('tickets', snippetKey(id), { ConditionExpression: 'attribute_exists(pk)' });
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
