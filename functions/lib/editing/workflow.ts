import { isDeepStrictEqual } from 'node:util';
import type { StaffIdentity } from '../auth/groups.ts';
import { AppError, BadRequestError, ConflictError, NotFoundError } from '../http/errors.ts';
import type { Entry } from '../knowledge/schema.ts';
import { readEvalCases, readMeta } from '../knowledge/store.ts';
import { crossCheck, validateEntry } from '../knowledge/validate.ts';
import { logger } from '../observability/logger.ts';
import { applyChange, type GateReport, runGate } from './gate.ts';
import {
  bumpPublishedVersion,
  type DraftItem,
  getDraft,
  getHistoryVersion,
  getPublished,
  listDrafts,
  listHistory,
  listPublished,
  type PublishedItem,
  putChangeLog,
  putDraft,
  putHistory,
  removeDraft,
  writePublished,
} from './store.ts';

/**
 * The editing workflow: draft -> review -> approved -> published. Every step names the entry
 * version the editor saw; a stale version gets 409. The four-eyes rule: nobody who wrote a
 * change may approve it (403 `four_eyes`); with `publishing.fourEyes` on, only approved
 * changes are published.
 */

/** What the editor sees of one entry: published and draft state side by side. */
export interface EntryView {
  id: string;
  /** The version to send with the next change (draft version, else published version, else 0). */
  version: number;
  published: PublishedItem | null;
  draft: PublicDraft | null;
}

/** A draft without the authors' subjects (names are enough for staff). */
export type PublicDraft = Omit<DraftItem, 'authorSubs' | 'approvedBySub'>;

function publicDraft(draft: DraftItem): PublicDraft {
  const { authorSubs: _subs, approvedBySub: _approver, ...rest } = draft;
  return rest;
}

const currentVersion = (draft?: DraftItem, published?: PublishedItem) =>
  draft?.version ?? published?.version ?? 0;

function view(id: string, draft?: DraftItem, published?: PublishedItem): EntryView {
  return {
    id,
    version: currentVersion(draft, published),
    published: published ?? null,
    draft: draft ? publicDraft(draft) : null,
  };
}

/** One entry with its draft, or 404 when neither exists. */
export async function readEntry(id: string): Promise<EntryView> {
  const [draft, published] = await Promise.all([getDraft(id), getPublished(id)]);
  if (!draft && !published) throw new NotFoundError('No such entry.');
  return view(id, draft, published);
}

/** Every entry that is published or has a draft, sorted by id. */
export async function listEntries(): Promise<EntryView[]> {
  const [drafts, published] = await Promise.all([listDrafts(), listPublished()]);
  const draftById = new Map(drafts.map((draft) => [draft.entryId, draft]));
  const publishedById = new Map(published.map((item) => [item.entry.id, item]));
  const ids = [...new Set([...draftById.keys(), ...publishedById.keys()])].sort();
  return ids.map((id) => view(id, draftById.get(id), publishedById.get(id)));
}

function expectVersion(given: number, draft?: DraftItem, published?: PublishedItem): void {
  if (given !== currentVersion(draft, published)) {
    throw new ConflictError(
      'Someone else changed this entry in the meantime. Reload it and apply your change again.',
      'version_conflict',
    );
  }
}

/** Validates an entry with the same schema as the files; the error names every field. */
export function parseEntry(data: unknown, id: string): Entry {
  const { entry, problems } = validateEntry(data, 'entry');
  if (!entry) {
    throw new BadRequestError(
      problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      'invalid_entry',
    );
  }
  if (entry.id !== id) throw new BadRequestError('id: must match the entry in the address', 'invalid_entry');
  return entry;
}

/** Related ids must name entries that exist (published or drafted) and not the entry itself. */
async function checkRelated(entry: Entry): Promise<void> {
  const [drafts, published] = await Promise.all([listDrafts(), listPublished()]);
  const known = new Map<string, Entry>();
  for (const item of published) known.set(item.entry.id, item.entry);
  for (const draft of drafts) {
    if (draft.entry) known.set(draft.entryId, draft.entry);
    else known.delete(draft.entryId);
  }
  known.set(entry.id, entry);
  const problems = crossCheck([...known.values()].map((item) => ({ entry: item, file: item.id }))).filter(
    (problem) => problem.file === entry.id && problem.field.startsWith('related'),
  );
  if (problems.length > 0) {
    throw new BadRequestError(
      problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
      'invalid_entry',
    );
  }
}

function withAuthor(draft: DraftItem | undefined, who: StaffIdentity) {
  const authors = new Set(draft?.authors ?? []);
  const authorSubs = new Set(draft?.authorSubs ?? []);
  authors.add(who.name);
  authorSubs.add(who.sub);
  return { authors: [...authors], authorSubs: [...authorSubs] };
}

/** Writes a new draft content (or deletion); any earlier approval is void. */
async function writeChange(
  id: string,
  change: { entry: Entry } | { deleted: true },
  version: number,
  who: StaffIdentity,
): Promise<EntryView> {
  const [draft, published] = await Promise.all([getDraft(id), getPublished(id)]);
  expectVersion(version, draft, published);
  const next: DraftItem = {
    entryId: id,
    ...change,
    version: currentVersion(draft, published) + 1,
    state: 'draft',
    ...withAuthor(draft, who),
    baseVersion: published?.version ?? null,
    updatedAt: new Date().toISOString(),
  };
  await putDraft(next, draft ? draft.version : null);
  return view(id, next, published);
}

/** Creates or updates the draft of an entry (PUT). Version 0 creates a new entry. */
export async function saveDraft(id: string, data: unknown, version: number, who: StaffIdentity) {
  const entry = parseEntry(data, id);
  await checkRelated(entry);
  return writeChange(id, { entry }, version, who);
}

/** Drafts the deletion of a published entry; for a never-published entry, discards its draft. */
export async function deleteEntry(
  id: string,
  version: number,
  who: StaffIdentity,
): Promise<EntryView | null> {
  const [draft, published] = await Promise.all([getDraft(id), getPublished(id)]);
  if (!draft && !published) throw new NotFoundError('No such entry.');
  expectVersion(version, draft, published);
  if (!published && draft) {
    await removeDraft(id, draft.version);
    return null;
  }
  return writeChange(id, { deleted: true }, version, who);
}

/** Throws away the pending change of an entry. */
export async function discardDraft(id: string, version: number): Promise<EntryView | null> {
  const [draft, published] = await Promise.all([getDraft(id), getPublished(id)]);
  if (!draft) throw new NotFoundError('This entry has no draft.');
  expectVersion(version, draft, published);
  await removeDraft(id, draft.version);
  return published ? view(id, undefined, published) : null;
}

async function transition(
  id: string,
  version: number,
  update: (draft: DraftItem) => Partial<DraftItem>,
): Promise<EntryView> {
  const [draft, published] = await Promise.all([getDraft(id), getPublished(id)]);
  if (!draft) throw new NotFoundError('This entry has no draft to review.');
  expectVersion(version, draft, published);
  const next: DraftItem = { ...draft, ...update(draft), version: draft.version + 1 };
  await putDraft(next, draft.version);
  return view(id, next, published);
}

/** Marks a draft as ready for a second editor. */
export function requestReview(id: string, version: number): Promise<EntryView> {
  return transition(id, version, () => ({ state: 'review' }));
}

/** The four-eyes rule: someone who wrote the change cannot approve it. */
export class FourEyesError extends AppError {
  constructor() {
    super(403, 'four_eyes', 'You wrote this change: another editor must approve it.');
  }
}

/** A second editor approves the draft as it is now. */
export function approve(id: string, version: number, who: StaffIdentity): Promise<EntryView> {
  return transition(id, version, (draft) => {
    if (draft.authorSubs.includes(who.sub)) throw new FourEyesError();
    return { state: 'approved', approvedBy: who.name, approvedBySub: who.sub };
  });
}

export type PublishResult =
  | { published: true; entry: EntryView | null; knowledgeVersion: number; gate: GateReport }
  | { published: false; gate: GateReport };

/**
 * Publishes one entry's draft: approval (four-eyes), related ids, then the gate; on success
 * writes history, the published item, the public change log, removes the draft and raises the
 * knowledge version so /v1/ask serves the change within its check interval.
 */
export async function publish(id: string, version: number, who: StaffIdentity): Promise<PublishResult> {
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
  const all = (await listPublished()).map((item) => item.entry);
  const after = applyChange(all, id, draft.entry);
  const broken = crossCheck(after.map((entry) => ({ entry, file: entry.id })));
  if (broken.length > 0) {
    const names = [...new Set(broken.map((problem) => problem.file))].join(', ');
    throw new ConflictError(
      `Publish the related entries first, or remove the reference from: ${names}.`,
      'related_entries',
    );
  }
  const gate = runGate(all, after, meta.settings, await readEvalCases());
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
      authors: ['(knowledge files)'],
      publishedAt: published.publishedAt ?? meta.updatedAt,
    });
    next++;
  }
  await putHistory({
    entryId: id,
    version: next,
    ...(draft.entry ? { entry: draft.entry } : { deleted: true }),
    authors: draft.authors,
    ...(draft.approvedBy ? { approver: draft.approvedBy } : {}),
    publishedAt: now,
  });
  const item = draft.entry ? { entry: draft.entry, version: next, publishedAt: now } : undefined;
  await writePublished(id, item);
  const shown = draft.entry ?? published?.entry;
  if (shown) {
    await putChangeLog({
      entryId: id,
      question: { de: shown.de.question, en: shown.en.question },
      change: !draft.entry ? 'deleted' : published ? 'updated' : 'created',
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

/** Published versions of an entry, newest first. */
export async function entryHistory(id: string) {
  return listHistory(id);
}

/** Makes an earlier published version the entry's draft again (it goes through review as usual). */
export async function rollback(id: string, toVersion: number, version: number, who: StaffIdentity) {
  const old = await getHistoryVersion(id, toVersion);
  if (!old) throw new NotFoundError('No such version.');
  if (!old.entry) return deleteEntry(id, version, who);
  await checkRelated(old.entry);
  return writeChange(id, { entry: old.entry }, version, who);
}
