import { confirmAction } from './confirm.ts';
import { refresh } from './editor-pane.ts';
import { readForm } from './entry-form.ts';
import { announce } from './feedback.ts';
import { toEntry } from './form.ts';
import { app, t } from './state.ts';

/** What the editor's buttons do: each call names the version the editor saw (409 when stale). */
const versionOf = () => app.current?.view?.version ?? 0;

export async function save(): Promise<void> {
  const entry = toEntry(readForm());
  const view = await app.api.save(String(entry.id), entry, versionOf());
  await refresh(view, t.saved);
}

export async function requestReview(): Promise<void> {
  const view = app.current?.view;
  if (!view) return;
  announce(t.checking);
  await refresh(await app.api.requestReview(view.id, view.version), t.reviewRequested);
}

export async function approve(): Promise<void> {
  const view = app.current?.view;
  if (!view) return;
  await refresh(await app.api.approve(view.id, view.version), t.approved);
}

export async function publish(keepReviewedAt: boolean): Promise<void> {
  const view = app.current?.view;
  if (!view) return;
  const result = await app.api.publish(view.id, view.version, keepReviewedAt);
  await refresh(result.entry, t.published);
}

export async function discard(): Promise<void> {
  const view = app.current?.view;
  if (!view || !(await confirmAction(t.confirmDiscard, t.confirmYes.discard))) return;
  const result = await app.api.discard(view.id, view.version);
  await refresh('discarded' in result ? null : result, t.discarded);
}

export async function removeEntry(): Promise<void> {
  const view = app.current?.view;
  if (!view || !(await confirmAction(t.confirmDelete, t.confirmYes.delete))) return;
  const result = await app.api.remove(view.id, view.version);
  await refresh('discarded' in result ? null : result, t.deletionDrafted);
}

export async function rollback(id: string, toVersion: number): Promise<void> {
  await refresh(await app.api.rollback(id, toVersion, versionOf()), t.rolledBack);
}
