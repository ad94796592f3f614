/** Renders parsed Markdown into DOM nodes with the shared element builder (never innerHTML). */
import { h } from './dom.ts';
import { type Block, type Inline, safeHref } from './markdown.ts';

function renderInline(nodes: readonly Inline[]): Node[] {
  return nodes.map((node): Node => {
    if (node.type === 'text') return document.createTextNode(node.text);
    if (node.type === 'break') return h('br');
    if (node.type === 'strong') return h('strong', {}, ...renderInline(node.children));
    if (node.type === 'em') return h('em', {}, ...renderInline(node.children));
    // Checked again here: the AST type alone must never be enough to reach the DOM.
    const href = safeHref(node.href);
    if (!href) return h('span', {}, ...renderInline(node.children));
    return h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, ...renderInline(node.children));
  });
}

/** Builds DOM nodes for parsed Markdown blocks. */
export function renderBlocks(blocks: readonly Block[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of blocks) {
    if (block.type === 'paragraph') fragment.appendChild(h('p', {}, ...renderInline(block.children)));
    else
      fragment.appendChild(
        h(block.ordered ? 'ol' : 'ul', {}, ...block.items.map((item) => h('li', {}, ...renderInline(item)))),
      );
  }
  return fragment;
}
