import type { StaffIdentity } from '../auth/groups.ts';
import { AppError, BadRequestError, ConflictError, NotFoundError } from '../http/errors.ts';
import { settlePublication } from '../knowledge/publication.ts';
import type { Entry } from '../knowledge/schema.ts';
import { crossCheck, validateEntry } from '../knowledge/validate.ts';
import { checkChange, summarize } from './check.ts';
import {
  type DraftItem,
  getDraft,
  getHistoryVersion,
  getPublished,
  listDrafts,
  listPublished,
  type PublishedItem,
  putDraft,
  removeDraft,
} from './store.ts';

/**
 * The editing workflow: draft -> review -> approved -> published. Every step names the entry
 * version the editor saw; a stale version gets 409. Only a change in review can be approved
 * (409 `not_in_review`): the reviewer must see what the author asked to have checked. The
 * four-eyes rule: nobody who wrote a change may approve it (403 `four_eyes`); with
 * `publishing.fourEyes` on, only approved changes are published (see publish.ts).
 */

/** What the editor sees of one entry: published and draft state side by side. */
export interface EntryView {
  id: string;
  /** The version to send with the next change (draft version, else published version, else 0). */
  version: number;
  published: PublishedItem | null;
  draft: PublicDraft | null;
}

/**
 * A draft without the authors' subjects (names are enough for staff); `byYou` tells the page
 * whether the person asking wrote it, so the approve button can say why it is disabled.
 */
export type PublicDraft = Omit<DraftItem, 'authorSubs' | 'approvedBySub'> & { byYou: boolean };

function publicDraft(draft: DraftItem, who?: StaffIdentity): PublicDraft {
  const { authorSubs, approvedBySub: _approver, ...rest } = draft;
  return { ...rest, byYou: who ? authorSubs.includes(who.sub) : false };
}

const currentVersion = (draft?: DraftItem, published?: PublishedItem) =>
  draft?.version ?? published?.version ?? 0;

export function view(
  id: string,
  draft?: DraftItem,
  published?: PublishedItem,
  who?: StaffIdentity,
): EntryView {
  return {
    id,
    version: currentVersion(draft, published),
    published: published ?? null,
    draft: draft ? publicDraft(draft, who) : null,
  };
}

/** One entry with its draft, or 404 when neither exists. */
export async function readEntry(id: string, who?: StaffIdentity): Promise<EntryView> {
  await settlePublication();
  const [draft, published] = await Promise.all([getDraft(id), getPublished(id)]);
  if (!draft && !published) throw new NotFoundError('No such entry.');
  return view(id, draft, published, who);
}

/** Every entry that is published or has a draft, sorted by id. */
export async function listEntries(who?: StaffIdentity): Promise<EntryView[]> {
  // The editor's read finishes a publish that crashed half-way (see knowledge/publication.ts).
  await settlePublication();
  const [drafts, published] = await Promise.all([listDrafts(), listPublished()]);
  const draftById = new Map(drafts.map((draft) => [draft.entryId, draft]));
  const publishedById = new Map(published.map((item) => [item.entry.id, item]));
  const ids = [...new Set([...draftById.keys(), ...publishedById.keys()])].sort();
  return ids.map((id) => view(id, draftById.get(id), publishedById.get(id), who));
}

export function expectVersion(given: number, draft?: DraftItem, published?: PublishedItem): void {
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

/**
 * Related ids must name entries that exist (published or drafted) and not the entry itself; a
 * question the entry declines (`notAnswered`) must not be one that an entry answers.
 */
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
    (problem) =>
      problem.file === entry.id &&
      (problem.field.startsWith('related') || problem.field.includes('.notAnswered.')),
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
  return view(id, next, published, who);
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
export async function discardDraft(
  id: string,
  version: number,
  who?: StaffIdentity,
): Promise<EntryView | null> {
  const [draft, published] = await Promise.all([getDraft(id), getPublished(id)]);
  if (!draft) throw new NotFoundError('This entry has no draft.');
  expectVersion(version, draft, published);
  await removeDraft(id, draft.version);
  return published ? view(id, undefined, published, who) : null;
}

async function transition(
  id: string,
  version: number,
  who: StaffIdentity,
  update: (draft: DraftItem) => Partial<DraftItem> | Promise<Partial<DraftItem>>,
): Promise<EntryView> {
  const [draft, published] = await Promise.all([getDraft(id), getPublished(id)]);
  if (!draft) throw new NotFoundError('This entry has no draft to review.');
  expectVersion(version, draft, published);
  const next: DraftItem = { ...draft, ...(await update(draft)), version: draft.version + 1 };
  await putDraft(next, draft.version);
  return view(id, next, published, who);
}

/**
 * Marks a draft as ready for a second editor and runs the quality check now, so the reviewer
 * sees its verdict next to the change (publishing runs it again).
 */
export function requestReview(id: string, version: number, who: StaffIdentity): Promise<EntryView> {
  return transition(id, version, who, async (draft) => {
    if (draft.state !== 'draft') {
      throw new ConflictError('This change is already in review or approved.', 'wrong_status');
    }
    const now = new Date().toISOString();
    const { gate } = await checkChange(id, draft.entry);
    return { state: 'review', reviewRequestedAt: now, check: summarize(gate, now) };
  });
}

/** Approval needs a review request first: the reviewer approves what the author handed over. */
export class NotInReviewError extends AppError {
  constructor() {
    super(409, 'not_in_review', 'Request a review of this change before approving it.');
  }
}

/** The four-eyes rule: someone who wrote the change cannot approve it. */
export class FourEyesError extends AppError {
  constructor() {
    super(403, 'four_eyes', 'You wrote this change: another editor must approve it.');
  }
}

/** A second editor approves the draft as it is now. */
export function approve(id: string, version: number, who: StaffIdentity): Promise<EntryView> {
  return transition(id, version, who, (draft) => {
    if (draft.authorSubs.includes(who.sub)) throw new FourEyesError();
    if (draft.state !== 'review') throw new NotInReviewError();
    return { state: 'approved', approvedBy: who.name, approvedBySub: who.sub };
  });
}

/** Makes an earlier published version the entry's draft again (it goes through review as usual). */
export async function rollback(id: string, toVersion: number, version: number, who: StaffIdentity) {
  await settlePublication();
  const old = await getHistoryVersion(id, toVersion);
  if (!old) throw new NotFoundError('No such version.');
  if (!old.entry) return deleteEntry(id, version, who);
  await checkRelated(old.entry);
  return writeChange(id, { entry: old.entry }, version, who);
}
