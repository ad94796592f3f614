import type { Settings } from './schema.ts';
import { townView } from './town-view.ts';

/**
 * Placeholders such as `{{town.name}}` or `{{contact.dpo.email}}` let entry files and pages name
 * the town and its contacts without writing them down: the template's generic entries use them,
 * and `kb validate`/`kb import` resolve them from the settings (an unknown one is a problem).
 * Resolved text is what gets stored, so `kb export` writes the names, not the placeholders.
 */

const placeholder = /\{\{\s*([a-zA-Z.]+)\s*\}\}/g;

/** Every placeholder a text may use, with its value from the settings. */
export function placeholderValues(settings: Settings): Record<string, string> {
  const town = townView(settings);
  const { contact } = settings;
  return {
    'town.name': town.name,
    'town.shortName': town.shortName,
    'town.nameEn': town.nameEn,
    'town.website': town.website ?? '',
    ...(settings.town
      ? {
          'town.state': settings.town.state,
          'town.supervisoryAuthority.name': settings.town.supervisoryAuthority.name,
          'town.supervisoryAuthority.address': settings.town.supervisoryAuthority.address,
          'town.supervisoryAuthority.website': settings.town.supervisoryAuthority.website,
          'town.supervisoryAuthority.host': new URL(settings.town.supervisoryAuthority.website).host,
        }
      : {}),
    'town.incident.de': town.incident?.de ?? '',
    'town.incident.en': town.incident?.en ?? '',
    'town.colors.primary': town.colors?.primary ?? '',
    'town.colors.accent': town.colors?.accent ?? '',
    'contact.organisation': contact.organisation,
    'contact.dpo.name': contact.dpo.name,
    'contact.dpo.email': contact.dpo.email,
    ...(contact.deputy
      ? { 'contact.deputy.name': contact.deputy.name, 'contact.deputy.email': contact.deputy.email }
      : {}),
    ...(settings.notice
      ? {
          'notice.title': settings.notice.title,
          // German pages write dates as 04.05.2021.
          'notice.date': settings.notice.date.split('-').reverse().join('.'),
        }
      : {}),
    'escalation.retentionDays': String(settings.escalation.retentionDays),
  };
}

/**
 * Stand-ins while the settings are invalid (a fresh `kb init`): the entries are still checked,
 * without a second report for every placeholder (a mailto: link to `{{contact.dpo.email}}`
 * would otherwise be an "unsafe link").
 */
export const placeholderStandIns: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'town.name',
    'town.shortName',
    'town.nameEn',
    'town.website',
    'town.state',
    'town.incident.de',
    'town.incident.en',
    'town.colors.primary',
    'town.colors.accent',
    'contact.organisation',
    'contact.dpo.name',
    'contact.dpo.email',
    'contact.deputy.name',
    'contact.deputy.email',
    'escalation.retentionDays',
  ].map((key) => [
    key,
    key.endsWith('email')
      ? 'settings@example.invalid'
      : key.endsWith('website')
        ? 'https://example.invalid'
        : 'settings',
  ]),
);

export interface PlaceholderProblem {
  field: string;
  message: string;
}

/** Replaces the placeholders in every string of `data` (an entry as parsed from YAML). */
export function resolvePlaceholders(
  data: unknown,
  values: Readonly<Record<string, string>>,
): { value: unknown; problems: PlaceholderProblem[] } {
  const problems: PlaceholderProblem[] = [];
  const walk = (node: unknown, path: string[]): unknown => {
    if (typeof node === 'string')
      return node.replace(placeholder, (whole, key: string) => {
        const value = values[key];
        if (value !== undefined) return value;
        problems.push({
          field: path.join('.') || '(file)',
          message: `unknown placeholder ${whole}; known: ${Object.keys(values)
            .map((name) => `{{${name}}}`)
            .join(', ')}`,
        });
        return whole;
      });
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...path, String(index)]));
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, walk(item, [...path, key])]));
    return node;
  };
  return { value: walk(data, []), problems };
}

/** Each line of a file that still holds a `TODO` marker (1-based line numbers). */
export function todoLines(text: string): { line: number; text: string }[] {
  return text
    .split('\n')
    .flatMap((line, index) =>
      /\bTODO\b/.test(line) ? [{ line: index + 1, text: line.trim().slice(0, 120) }] : [],
    );
}
