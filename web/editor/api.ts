import type { AskResponse } from '../../functions/lib/ask/ask.ts';
import type { GateReport } from '../../functions/lib/editing/gate.ts';
import type { NumberedVersion } from '../../functions/lib/editing/publish.ts';
import type { EntryView } from '../../functions/lib/editing/workflow.ts';
import type { Entry } from '../../functions/lib/knowledge/schema.ts';
import type { UnansweredGroup } from '../../functions/lib/unanswered/report.ts';
import { ApiError, createJsonClient } from '../shared/api-client.ts';

/** The editor API client: JSON in and out, the staff token as a bearer header. */
export type { AskResponse, Entry, EntryView, GateReport, NumberedVersion };
export type ListedEntry = EntryView & { feedback: { helpful: number; notHelpful: number } };
export type ReportGroup = Omit<UnansweredGroup, 'keys'>;

export { ApiError };

export function createApi(base: string, token: () => string | null) {
  const call = createJsonClient({
    base,
    headers: (): Record<string, string> => {
      const bearer = token();
      return bearer ? { authorization: `Bearer ${bearer}` } : {};
    },
  });
  const entryPath = (id: string) => `/v1/knowledge/entries/${encodeURIComponent(id)}`;
  return {
    list: () =>
      call<{
        fourEyes: boolean;
        locales?: { tag: string; name: string; readability?: string }[];
        knowledgeVersion: number;
        entries: ListedEntry[];
      }>('GET', '/v1/knowledge/entries'),
    get: (id: string) => call<EntryView>('GET', entryPath(id)),
    save: (id: string, entry: unknown, version: number) =>
      call<EntryView>('PUT', entryPath(id), { entry, version }),
    remove: (id: string, version: number) =>
      call<EntryView | { discarded: true }>('DELETE', `${entryPath(id)}?version=${version}`),
    discard: (id: string, version: number) =>
      call<EntryView | { discarded: true }>('DELETE', `${entryPath(id)}/draft?version=${version}`),
    requestReview: (id: string, version: number) =>
      call<EntryView>('POST', `${entryPath(id)}/request-review`, { version }),
    approve: (id: string, version: number) =>
      call<EntryView>('POST', `${entryPath(id)}/approve`, { version }),
    publish: (id: string, version: number, keepReviewedAt: boolean) =>
      call<{ published: true; knowledgeVersion: number; entry: EntryView | null }>(
        'POST',
        `${entryPath(id)}/publish`,
        { version, keepReviewedAt },
      ),
    history: (id: string) => call<{ versions: NumberedVersion[] }>('GET', `${entryPath(id)}/history`),
    rollback: (id: string, toVersion: number, version: number) =>
      call<EntryView>('POST', `${entryPath(id)}/rollback`, { toVersion, version }),
    tryQuestion: (question: string, locale: string, entry?: unknown) =>
      call<{ published: AskResponse; draft: AskResponse }>('POST', '/v1/knowledge/try', {
        question,
        locale,
        ...(entry ? { entry } : {}),
      }),
    unanswered: () => call<{ groups: ReportGroup[] }>('GET', '/v1/knowledge/unanswered'),
    toDraft: (groupId: string) =>
      call<EntryView>('POST', `/v1/knowledge/unanswered/${encodeURIComponent(groupId)}/to-draft`, {}),
    toAlternatives: (groupId: string, entryId: string) =>
      call<EntryView>('POST', `/v1/knowledge/unanswered/${encodeURIComponent(groupId)}/to-alternatives`, {
        entryId,
      }),
  };
}

export type Api = ReturnType<typeof createApi>;
