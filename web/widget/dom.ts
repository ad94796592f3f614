// The widget's DOM helpers: the shared element builder and the shared Markdown renderer (which the
// inbox uses as well).
import { h } from '../shared/dom.ts';

export { append, type Child, h } from '../shared/dom.ts';
export { renderBlocks } from '../shared/markdown-dom.ts';

/** A link that opens in a new tab without giving that tab a handle on the page. */
export function externalLink(href: string, text: string): HTMLAnchorElement {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text);
}
