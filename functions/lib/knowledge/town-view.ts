import type { Settings } from './schema.ts';

// Kept apart from town.ts (the zod schema and `kb validate` checks) so the ask function, which
// returns the view with its starters, does not bundle classic zod (docs/performance.md).

/** What the widget and the pages need of the town (GET /v1/starters returns it as `town`). */
export interface TownView {
  name: string;
  shortName: string;
  nameEn: string;
  website?: string;
  incident?: { de: string; en: string };
  colors?: { primary: string; accent: string };
  dpo: { name: string; email: string };
  retentionDays: number;
}

/**
 * The town of a settings object. A knowledge base stored before the `town` section existed
 * still works: the names fall back to the contact's organisation, the colours to the widget's.
 */
export function townView(settings: Settings): TownView {
  const town = settings.town;
  const fallback = settings.contact.organisation;
  return {
    name: town?.name ?? fallback,
    shortName: town?.shortName ?? fallback,
    nameEn: town?.nameEn ?? fallback,
    ...(town ? { website: town.website, incident: { ...town.incident }, colors: { ...town.colors } } : {}),
    dpo: { name: settings.contact.dpo.name, email: settings.contact.dpo.email },
    retentionDays: settings.escalation.retentionDays,
  };
}
