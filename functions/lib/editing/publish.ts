import { isDeepStrictEqual } from 'node:util';
import type { StaffIdentity } from '../auth/groups.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import { readMeta } from '../knowledge/store.ts';
import { logger } from '../observability/logger.ts';
import { checkChange, townToday } from './check.ts';
import type { GateReport } from './gate.ts';
import {
  bumpPublishedVersion,
  getDraft,
  getPublished,
  type HistoryItem,
  listHistory,
  putChangeLog,
  putHistory,
  removeDraft,
  writePublished,
} from './store.ts';
import { type EntryView, expectVersion, view } from './workflow.ts';

export type PublishResult =
  | { published: true; entry: EntryView | null; knowledgeVersion: number; gate: GateReport }
  | { published: false; gate: GateReport };

export interface PublishOptions {
  /** "nur Formulierung geändert": keep the entry's "Stand" instead of setting it to today. */
  keepReviewedAt?: boolean;
}

/**
 * Publishes one entry's draft: approval (four-eyes), related ids, then the gate; on success
 * writes history, the published item, the public change log, removes the draft and raises the
 * knowledge version so /v1/ask serves the change within its check interval. The entry's
 * "Stand" (`reviewedAt`) becomes today unless the editor says only the wording changed: a new
 * text under an old date tells citizens the information is older than it is.
 */
export async function publish(
  id: string,
  version: number,
  who: StaffIdentity,
  options: PublishOptions = {},
): Promise<PublishResult> {
  const [draft, published, meta] = await Promise.all([getDraft(id), getPublished(id), readMeta(true)]);
  if (!meta) throw new ConflictError('The knowledge base was never imported.', 'not_imported');
  if (!draft) throw new NotFoundError('This entry has no draft to publish.');
  expectVersion(version, draft, published);
  if (meta.settings.publishing.fourEyes && draft.state !== 'approved') {
    throw new ConflictError(
      'Another editor must approve this change before it is published.',
      'approval_required',
    );
  }
  const entry =
    draft.entry && !options.keepReviewedAt ? { ...draft.entry, reviewedAt: townToday() } : draft.entry;
  const { gate } = await checkChange(id, entry, meta);
  if (!gate.passed) {
    logger.info('publish refused by gate', { entryId: id, reasons: gate.reasons.length });
    return { published: false, gate };
  }

  const now = new Date().toISOString();
  const history = await listHistory(id);
  let next = Math.max(draft.version, (history[0]?.version ?? -1) + 1, (published?.version ?? -1) + 1);
  // Content imported from the files enters the history when it is first replaced, so it can be
  // rolled back to like any other version.
  if (published && (history.length === 0 || !isDeepStrictEqual(history[0]?.entry, published.entry))) {
    await putHistory({
      entryId: id,
      version: next,
      entry: published.entry,
      origin: 'files',
      authors: [],
      publishedAt: published.publishedAt ?? meta.updatedAt,
    });
    next++;
  }
  await putHistory({
    entryId: id,
    version: next,
    ...(entry ? { entry } : { deleted: true }),
    authors: draft.authors,
    ...(draft.approvedBy ? { approver: draft.approvedBy } : {}),
    publishedAt: now,
  });
  const item = entry ? { entry, version: next, publishedAt: now } : undefined;
  await writePublished(id, item);
  const shown = entry ?? published?.entry;
  if (shown) {
    await putChangeLog({
      entryId: id,
      question: { de: shown.de.question, en: shown.en.question },
      change: !entry ? 'deleted' : published ? 'updated' : 'created',
      at: now,
    });
  }
  await removeDraft(id, draft.version).catch((error: unknown) => {
    // Someone saved a newer draft meanwhile: it stays, as a change on top of this version.
    if (!(error instanceof ConflictError)) throw error;
  });
  const bumped = await bumpPublishedVersion(meta.version);
  logger.info('entry published', {
    entryId: id,
    version: next,
    knowledgeVersion: bumped.version,
    raced: bumped.raced,
    by: who.sub,
  });
  return {
    published: true,
    entry: item ? view(id, undefined, item) : null,
    knowledgeVersion: bumped.version,
    gate,
  };
}

/** A published version as people count them: 1, 2, 3 … per entry, oldest first. */
export interface NumberedVersion extends HistoryItem {
  number: number;
  origin: 'files' | 'editor';
  /** The version the assistant answers with now (no rollback to it). */
  current: boolean;
}

// Versions written before `origin` existed name the files with this pseudo-author.
const legacyFilesAuthor = '(knowledge files)';

/**
 * Published versions of an entry, newest first, numbered from 1. Text that came from the
 * knowledge files and was never edited is listed as version 1 too, although it enters the
 * stored history only when it is first replaced.
 */
export async function entryHistory(id: string): Promise<NumberedVersion[]> {
  const [history, published, meta] = await Promise.all([listHistory(id), getPublished(id), readMeta()]);
  const items: HistoryItem[] = [...history];
  if (published && (items.length === 0 || !isDeepStrictEqual(items[0]?.entry, published.entry))) {
    items.unshift({
      entryId: id,
      version: published.version,
      entry: published.entry,
      origin: 'files',
      authors: [],
      publishedAt: published.publishedAt ?? meta?.updatedAt ?? '',
    });
  }
  return items.map((item, index) => {
    const files = item.origin === 'files' || item.authors.includes(legacyFilesAuthor);
    return {
      ...item,
      authors: item.authors.filter((author) => author !== legacyFilesAuthor),
      number: items.length - index,
      origin: files ? 'files' : 'editor',
      current: index === 0 && Boolean(published),
    };
  });
}
