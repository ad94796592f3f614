import type { Source } from '../../functions/lib/knowledge/schema.ts';
import { h } from '../widget/dom.ts';
import type { Entry } from './api.ts';
import type { Strings } from './strings.ts';

/**
 * The entry's sources and legal review state, read-only: editors see what each statement rests
 * on while they edit the answer. Sources are maintained in the knowledge files for now (the form
 * carries them through unchanged, see form.ts `carried`).
 */

type SourceStrings = Strings['sources'];

/** A link to an https address (the schema allows no other), opened in a new tab. */
const link = (url: string, label: string) => h('a', { href: url, target: '_blank', rel: 'noopener' }, label);

/** What the source supports, when the file says so (general guidance and product: the note is the source). */
const noteOf = (source: Source) =>
  'note' in source &&
  source.note &&
  (source.kind === 'notice' || source.kind === 'public-record' || source.kind === 'law')
    ? h('span', { class: 'source-note' }, ` – ${source.note}`)
    : '';

function describe(source: Source): (Node | string)[] {
  switch (source.kind) {
    case 'notice':
      return [h('q', {}, source.quote)];
    case 'public-record':
      return [
        `${source.publisher}: `,
        link(source.url, source.title),
        source.date ? ` (${source.date})` : '',
      ];
    case 'law':
      return [link(source.url, source.article)];
    case 'general-guidance':
      return [
        source.note,
        ...(source.title && source.url
          ? [' (', source.publisher ? `${source.publisher}: ` : '', link(source.url, source.title), ')']
          : []),
      ];
    case 'product':
      return [source.note];
  }
}

/** The marker for legal statements that the data protection officer has not confirmed yet. */
export function renderReviewMarker(entry: Entry | undefined, t: SourceStrings): HTMLElement | null {
  if (entry?.needsReview)
    return h('p', { id: 'needs-review', class: 'needs-review', role: 'note' }, t.needsReview);
  if (entry?.legalReview)
    return h(
      'p',
      { id: 'legal-review', class: 'legal-review' },
      t.legalReview(entry.legalReview.by, entry.legalReview.date),
    );
  return null;
}

/** The list of sources below the form. */
export function renderSources(entry: Entry | undefined, t: SourceStrings): HTMLElement {
  const sources = entry?.sources ?? [];
  return h(
    'section',
    { id: 'entry-sources', class: 'entry-sources', 'aria-labelledby': 'sources-title' },
    h('h3', { id: 'sources-title' }, t.title),
    sources.length === 0
      ? h('p', { class: 'sources-missing' }, t.none)
      : h(
          'ul',
          {},
          ...sources.map((source) =>
            h(
              'li',
              { class: `source source-${source.kind}` },
              h('strong', {}, `${t.kinds[source.kind] ?? source.kind}: `),
              ...describe(source),
              noteOf(source),
            ),
          ),
        ),
    h('p', { class: 'hint' }, t.hint),
  );
}
