import { BadRequestError, ConflictError } from '../http/errors.ts';
import type { Entry } from '../knowledge/schema.ts';
import { type KnowledgeMeta, readEvalCases, readMeta } from '../knowledge/store.ts';
import { crossCheck } from '../knowledge/validate.ts';
import { applyChange, type GateReport, runGate } from './gate.ts';
import { type DraftCheck, listPublished } from './store.ts';

/**
 * The quality check of one change against the published knowledge base: related ids first
 * (a change must not leave a dangling reference), then the publish gate. Run when a review is
 * requested (the reviewer sees the verdict) and again when publishing (the base may have moved).
 */
export interface ChangeCheck {
  meta: KnowledgeMeta;
  gate: GateReport;
}

export async function checkChange(
  id: string,
  entry: Entry | undefined,
  known?: KnowledgeMeta,
): Promise<ChangeCheck> {
  const meta = known ?? (await readMeta(true));
  if (!meta) throw new ConflictError('The knowledge base was never imported.', 'not_imported');
  const all = (await listPublished()).map((item) => item.entry);
  const after = applyChange(all, id, entry);
  const problems = (entries: readonly Entry[]) =>
    crossCheck(entries.map((item) => ({ entry: item, file: item.id })));
  const allProblems = problems(after);
  // A question declined by one entry and answered by another: only one the change brings in
  // (a phrasing added here may contradict another entry's list), named by entry and field.
  const before = new Set(problems(all).map((problem) => JSON.stringify(problem)));
  const contradictions = allProblems.filter(
    (problem) => problem.field.includes('.notAnswered.') && !before.has(JSON.stringify(problem)),
  );
  if (contradictions.length > 0)
    throw new BadRequestError(
      contradictions.map((problem) => `${problem.file}.${problem.field}: ${problem.message}`).join('; '),
      'invalid_entry',
    );
  const broken = allProblems.filter((problem) => !problem.field.includes('.notAnswered.'));
  if (broken.length > 0) {
    const names = [...new Set(broken.map((problem) => problem.file))].join(', ');
    throw new ConflictError(
      `Publish the related entries first, or remove the reference from: ${names}.`,
      'related_entries',
    );
  }
  return { meta, gate: runGate(all, after, meta.settings, await readEvalCases()) };
}

/** The part of a gate report kept with a draft: figures only, small enough for the item. */
export function summarize(gate: GateReport, at: string): DraftCheck {
  return {
    passed: gate.passed,
    at,
    before: { accuracy: gate.before.accuracy, falseAnswerRate: gate.before.falseAnswerRate },
    after: { accuracy: gate.after.accuracy, falseAnswerRate: gate.after.falseAnswerRate },
    thresholds: gate.thresholds,
    newFailures: gate.newFailures.length,
  };
}

/** Today's date in the town's time zone, as the entries' "Stand" (YYYY-MM-DD). */
export function townToday(now = new Date()): string {
  // en-CA formats as YYYY-MM-DD; Berlin, because a publish at 00:30 local time is "today" there.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}
