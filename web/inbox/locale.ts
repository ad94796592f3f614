/**
 * The page's language: German unless the DPO switched to English (remembered in localStorage,
 * which holds nothing but "de" or "en"). Texts, error texts and date formats follow it.
 */
import type { ClientErrorCode } from '../shared/api-client.ts';
import { errorTexts, type StaffLocale } from '../shared/error-texts.ts';
import { type InboxStrings, inboxStrings } from './strings.ts';

const storageKey = 'inbox.locale';

function stored(): StaffLocale {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

let current: StaffLocale = stored();

export const locale = (): StaffLocale => current;

/** The texts in the page's current language. */
export const t = (): InboxStrings => inboxStrings[current];

export function setLocale(next: StaffLocale): void {
  current = next;
  try {
    localStorage.setItem(storageKey, next);
  } catch {
    // Private mode: the choice lasts until the page is reloaded.
  }
  document.documentElement.lang = next;
}

/** What the page says for an API error code, in its language. */
export const errorText = (code: ClientErrorCode): string => errorTexts[current][code];

/** "04.05.2021, 10:00" / "4 May 2021, 10:00". */
export function formatDateTime(iso: string): string {
  const format = new Intl.DateTimeFormat(current === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return format.format(new Date(iso));
}

/** "vor 5 Min.", "vor 3 Std.", "vor 2 Tg." (or "5 min ago" …). */
export function formatAge(iso: string, now = Date.now()): string {
  const relative = new Intl.RelativeTimeFormat(current, { style: 'short', numeric: 'always' });
  const minutes = Math.max(0, Math.round((now - Date.parse(iso)) / 60_000));
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return relative.format(-hours, 'hour');
  return relative.format(-Math.round(hours / 24), 'day');
}
