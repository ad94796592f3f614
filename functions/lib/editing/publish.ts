import { isDeepStrictEqual } from 'node:util';
import type { StaffIdentity } from '../auth/groups.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import {
  publishChange,
  readMetaPointer,
  readMetaRecord,
  settlePublication,
} from '../knowledge/publication.ts';
import { logger } from '../observability/logger.ts';
import { checkChange, townToday } from './check.ts';
import type { GateReport } from './gate.ts';
import { getDraft, getPublished, type HistoryItem, listHistory } from './store.ts';
import { type EntryView, expectVersion, view } from './workflow.ts';

export type PublishResult =
  | { published: true; entry: EntryView | null; knowledgeVersion: number; gate: GateReport }
  | { published: false; gate: GateReport };

export interface PublishOptions {
  /** "nur Formulierung geändert": keep the entry's "Stand" instead of setting it to today. */
  keepReviewedAt?: boolean;
}

/**
 * Publishes one entry's draft: approval (four-eyes), related ids, then the gate; on success one
 * publish intent (knowledge/publication.ts) writes the new published set, the history, the
 * public change log, switches META to the new set (so /v1/ask serves the change within its check
 * interval) and removes the draft. A publish that crashed half-way is finished first, here and
 * on the next editor read; two publishes at once: one wins, the other gets 409
 * `publish_conflict`. The entry's "Stand" (`reviewedAt`) becomes today unless the editor says
 * only the wording changed: a new text under an old date tells citizens the information is
 * older than it is.
 */
export async function publish(
  id: string,
  version: number,
  who: StaffIdentity,
  options: PublishOptions = {},
): Promise<PublishResult> {
  await settlePublication();
  // META first: the intent is conditional on the set read here, so everything read after it
  // (draft, published item, history) is what the new set and history numbers build on.
  const meta = await readMetaRecord();
  if (!meta) throw new ConflictError('The knowledge base was never imported.', 'not_imported');
  const [draft, published] = await Promise.all([getDraft(id), getPublished(id)]);
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
  const stored = await listHistory(id);
  let next = Math.max(draft.version, (stored[0]?.version ?? -1) + 1, (published?.version ?? -1) + 1);
  const history: HistoryItem[] = [];
  // Content imported from the files enters the history when it is first replaced, so it can be
  // rolled back to like any other version.
  if (published && (stored.length === 0 || !isDeepStrictEqual(stored[0]?.entry, published.entry))) {
    history.push({
      entryId: id,
      version: next,
      entry: published.entry,
      origin: 'files',
      authors: [],
      publishedAt: published.publishedAt ?? meta.updatedAt,
    });
    next++;
  }
  history.push({
    entryId: id,
    version: next,
    ...(entry ? { entry } : { deleted: true }),
    authors: draft.authors,
    ...(draft.approvedBy ? { approver: draft.approvedBy } : {}),
    publishedAt: now,
  });
  const item = entry ? { entry, version: next, publishedAt: now } : null;
  const shown = entry ?? published?.entry;
  const knowledgeVersion = await publishChange(
    meta,
    {
      entryId: id,
      draftVersion: draft.version,
      item,
      history,
      ...(shown
        ? {
            changeLog: {
              entryId: id,
              question: { de: shown.de.question, en: shown.en.question },
              change: !entry ? 'deleted' : published ? 'updated' : 'created',
              at: now,
            },
          }
        : {}),
    },
    now,
  );
  logger.info('entry published', { entryId: id, version: next, knowledgeVersion, by: who.sub });
  return {
    published: true,
    entry: item ? view(id, undefined, item) : null,
    knowledgeVersion,
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
  // Only META's date: the pointer read leaves the settings out (eventually consistent, as before).
  const [history, published, meta] = await Promise.all([
    listHistory(id),
    getPublished(id),
    readMetaPointer(false),
  ]);
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
