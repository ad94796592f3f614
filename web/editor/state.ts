import type { AuthConfig } from '../shared/staff-auth.ts';
import type { Api, EntryView, ListedEntry } from './api.ts';
import { strings, type UiLocale } from './strings.ts';

/**
 * What the editor page's modules share: the page language and its texts, the API client and
 * the loaded entries. One mutable object instead of module-level `let`s spread over files.
 */
export const ui: UiLocale = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'de';
export const t = strings[ui];
export const tokenKey = 'faq-editor-token';

export const app: {
  api: Api;
  auth: AuthConfig;
  entries: ListedEntry[];
  fourEyes: boolean;
  /** The configured locales (settings `locales`), one fieldset each. */
  locales: { tag: string; name: string; readability?: string }[];
  /** The entry open in the editor pane (`view` null for a new entry). */
  current: { view: EntryView | null; isNew: boolean } | undefined;
} = {
  api: undefined as unknown as Api,
  auth: undefined as unknown as AuthConfig,
  entries: [],
  fourEyes: true,
  locales: [],
  current: undefined,
};

export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** An entry as editors know it: its question in the page's language (its id until loaded). */
export function titleOf(entry: EntryView): string {
  const content = entry.draft?.entry ?? entry.published?.entry;
  return content ? content[ui].question : entry.id;
}

/** Date and time as people in the page's language write them. */
export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(t.dateLocale, { dateStyle: 'medium', timeStyle: 'short' });
/** A calendar date (YYYY-MM-DD, like an entry's "Stand") without a time-zone shift. */
export const calendarDate = (day: string) =>
  // Written like the widget's "Stand: 04.05.2021", so staff see what citizens see.
  new Date(`${day}T12:00:00Z`).toLocaleDateString(t.dateLocale, {
    timeZone: 'UTC',
    day: ui === 'de' ? '2-digit' : 'numeric',
    month: ui === 'de' ? '2-digit' : 'long',
    year: 'numeric',
  });
export const percent = (value: number) =>
  `${(value * 100).toLocaleString(t.dateLocale, { maximumFractionDigits: 1 })} %`;
