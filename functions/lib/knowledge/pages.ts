import { placeholderValues } from './placeholders.ts';
import type { Settings } from './schema.ts';

/**
 * The served pages (web/public/*.html) and their stylesheet name the town only through
 * placeholders (`{{town.name}}`, `{{contact.dpo.email}}`, …). They are rendered with the
 * settings where they are served: by the local server on every request (functions/local/
 * static.ts) and at synth time for the S3/CloudFront deploy (cdk/web-assets.ts). One renderer,
 * so both runtimes show the same page.
 */

/** Files that carry placeholders; everything else (scripts, images) is served as built. */
export const renderedExtensions = ['.html', '.css'] as const;

export const isRenderedFile = (file: string) =>
  renderedExtensions.some((extension) => file.endsWith(extension));

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string,
  );

/** Figures of the privacy notice (`<data data-setting=…>`) that come from the settings. */
function settingFigures(settings: Settings): Record<string, number> {
  return {
    'escalation.retentionDays': settings.escalation.retentionDays,
    'escalation.autoCloseDays': settings.escalation.autoCloseDays,
    'unanswered.retentionDays': settings.unanswered.retentionDays,
    'feedback.voteTokenHours': settings.feedback.voteTokenHours,
  };
}

/**
 * Renders a page or stylesheet for the town of `settings`:
 * - `{{key}}` becomes the (HTML-escaped) value; an unknown key is an error, never shown;
 * - `<!-- if key -->…<!-- end if -->` is kept only when the key has a value (e.g. a deputy DPO);
 * - `<data data-setting="key" value="n">n</data>` shows the settings' figure;
 * - in CSS, `#0b5394 /* {{key}} *\/` becomes the value (the file stays valid CSS unrendered).
 */
export function renderTownPage(text: string, settings: Settings): string {
  const values = placeholderValues(settings);
  const figures = settingFigures(settings);
  return text
    .replace(/#[0-9a-f]{3,6}\s*\/\*\s*\{\{\s*([\w.]+)\s*\}\}\s*\*\//gi, (whole, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`unknown placeholder ${whole} in a stylesheet`);
      // Without a town section (an old knowledge base) the file's own colour stays.
      return value || (whole.match(/^#[0-9a-f]+/i)?.[0] as string);
    })
    .replace(/<!--\s*if ([\w.]+)\s*-->([\s\S]*?)<!--\s*end if\s*-->/g, (_, key: string, body: string) =>
      values[key] ? body : '',
    )
    .replace(/<data data-setting="([\w.]+)" value="\d+">\d+<\/data>/g, (whole, key: string) => {
      const figure = figures[key];
      return figure === undefined ? whole : `<data data-setting="${key}" value="${figure}">${figure}</data>`;
    })
    .replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => {
      const value = values[key];
      if (value === undefined) throw new Error(`unknown placeholder ${whole} in a page`);
      return escapeHtml(value);
    });
}
