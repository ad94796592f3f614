/**
 * DOM helpers shared by the widget and the staff pages. Text always goes in through text nodes and
 * attributes through setAttribute, never innerHTML, and there is no way to set a `style` attribute
 * here (the pages' CSP forbids inline style).
 */
export type Child = Node | string | null | undefined | false;
export type Props = Record<string, string | boolean | undefined | ((event: Event) => void)>;

/** Creates an element: string props become attributes, `true` an empty attribute, `on…` functions listeners. */
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
