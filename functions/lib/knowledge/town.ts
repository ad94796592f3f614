import * as z from 'zod';
import type { Settings } from './schema.ts';

/**
 * The town that runs the assistant, in one place (`town:` in settings.yaml): the widget, the
 * pages (privacy, accessibility, demo, staff) and the placeholders of entry files take the
 * town's names, website, mail domains and colours from here, so a second town changes data,
 * not code (docs/own-incident.md). What the widget and pages read of it: town-view.ts.
 */

const hexColor = z
  .string()
  .trim()
  .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, 'use a hex colour like #0b5394');

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, 'use a domain like example.de');

export const townSchema = z.strictObject({
  /** The official name, e.g. "Gemeinde Musterstadt". */
  name: z.string().trim().min(1).max(200),
  /** The everyday name, e.g. "Musterstadt". */
  shortName: z.string().trim().min(1).max(80),
  /** How English texts name the town after "of", e.g. "the municipality of Musterstadt". */
  nameEn: z.string().trim().min(1).max(200),
  website: z
    .string()
    .trim()
    .regex(/^https:\/\/[^\s]+$/, 'use an https:// address'),
  /** The federal state: its disability equality act governs the accessibility statement. */
  state: z.string().trim().min(1).max(80),
  /** The data protection supervisory authority the privacy notice names (Art. 13(2)(d) GDPR). */
  supervisoryAuthority: z.strictObject({
    name: z.string().trim().min(1).max(200),
    address: z.string().trim().min(1).max(200),
    website: z
      .string()
      .trim()
      .regex(/^https:\/\/[^\s]+$/, 'use an https:// address'),
  }),
  /** The town's own mail domains; the sender address must use one of them (the SES identity). */
  mailDomains: z.array(domain).min(1).max(10),
  /**
   * What the assistant answers questions about, completing "Ich beantworte Fragen …" /
   * "I answer questions …" (widget intro, privacy notice, demo page).
   */
  incident: z.strictObject({ de: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) }),
  colors: z.strictObject({
    /** Buttons with white text and links on white: needs 4.5:1 against white (WCAG AA). */
    primary: hexColor,
    /** Headings and the demo page's header band; same contrast rule. */
    accent: hexColor,
  }),
});

export type Town = z.output<typeof townSchema>;

// --- contrast (WCAG 2.1), for `kb validate`; the widget has its own copy in web/widget/color.ts --

function luminance(hex: string): number {
  const raw = hex.replace('#', '');
  const full = raw.length === 3 ? [...raw].map((digit) => digit + digit).join('') : raw;
  const [r = 0, g = 0, b = 0] = [0, 2, 4].map(
    (start) => Number.parseInt(full.slice(start, start + 2), 16) / 255,
  );
  const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast of a hex colour against white (1..21). */
export function contrastOnWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

export interface TownProblem {
  field: string;
  message: string;
}

/** What the schema cannot check: readable colours, and mail sent from the town's own domain. */
export function townProblems(settings: Settings): TownProblem[] {
  const town = settings.town;
  if (!town) {
    return [
      {
        field: 'town',
        message: 'missing: name, shortName, nameEn, website, mailDomains and colors of the town',
      },
    ];
  }
  const problems: TownProblem[] = [];
  for (const key of ['primary', 'accent'] as const) {
    const ratio = contrastOnWhite(town.colors[key]);
    if (ratio < 4.5)
      problems.push({
        field: `town.colors.${key}`,
        message: `contrast ${ratio.toFixed(2)}:1 against white; white text on it needs at least 4.5:1 (choose a darker colour)`,
      });
  }
  const senderDomain = settings.contact.senderAddress.split('@')[1]?.toLowerCase() ?? '';
  if (!town.mailDomains.includes(senderDomain))
    problems.push({
      field: 'contact.senderAddress',
      message: `must use one of the town's mail domains (town.mailDomains: ${town.mailDomains.join(', ')})`,
    });
  return problems;
}
