import { type Block, type Inline, safeHref } from './markdown.ts';

/**
 * DOM helpers. Text always goes in through text nodes and attributes through setAttribute, never
 * innerHTML, and there is no way to set a `style` attribute here (the page's CSP forbids it).
 */
export type Child = Node | string | null | undefined | false;
type Props = Record<string, string | boolean | undefined | ((event: Event) => void)>;

/** Creates an element: string props become attributes, `on…` functions become listeners. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (typeof value === 'string' && name !== 'style') element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

/** Appends children, turning strings into text nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

function renderInline(nodes: readonly Inline[]): Node[] {
  return nodes.map((node): Node => {
    if (node.type === 'text') return document.createTextNode(node.text);
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
