/**
 * The DPO's Markdown answer for the mail: a readable plain-text part and an HTML part, both from
 * the same safe parser the pages use (web/shared/markdown.ts is pure and DOM-free). The AST has no
 * HTML node, every text is escaped here, and links are re-checked, so the HTML part can carry
 * nothing the DPO (or a pasted snippet) did not write as text.
 */
import { type Block, type Inline, parseMarkdown, safeHref } from '../../../web/shared/markdown.ts';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

/** What a reader sees of a link in plain text: the words, and the target unless it is the same. */
function linkText(href: string, words: string): string {
  const target = href.replace(/^mailto:/i, '');
  return words === target || words === href ? target : `${words} (${target})`;
}

function inlineToText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.text;
      if (node.type === 'break') return '\n';
      if (node.type === 'link') return linkText(node.href, inlineToText(node.children));
      return inlineToText(node.children);
    })
    .join('');
}

/** List items are indented after their marker, so a line break inside an item stays in the item. */
function listToText(block: Extract<Block, { type: 'list' }>): string {
  return block.items
    .map((item, index) => {
      const marker = block.ordered ? `${index + 1}. ` : '- ';
      return marker + inlineToText(item).replace(/\n/g, `\n${' '.repeat(marker.length)}`);
    })
    .join('\n');
}

/** Markdown as plain text: `**x**` → x, lists with "- " / "1. ", links as "text (url)", line breaks kept. */
export function markdownToText(source: string): string {
  return parseMarkdown(source)
    .map((block) => (block.type === 'paragraph' ? inlineToText(block.children) : listToText(block)))
    .join('\n\n');
}

function inlineToHtml(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return escapeHtml(node.text);
      if (node.type === 'break') return '<br>';
      if (node.type === 'strong') return `<strong>${inlineToHtml(node.children)}</strong>`;
      if (node.type === 'em') return `<em>${inlineToHtml(node.children)}</em>`;
      // Checked again here: the AST type alone must never be enough to reach the HTML.
      const href = safeHref(node.href);
      if (!href) return inlineToHtml(node.children);
      return `<a href="${escapeHtml(href)}">${inlineToHtml(node.children)}</a>`;
    })
    .join('');
}

/** Markdown as an HTML fragment (`<p>`, `<ul>`/`<ol>`, `<strong>`, `<em>`, `<a>`, `<br>`), escaped. */
export function markdownToHtml(source: string): string {
  return parseMarkdown(source)
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${inlineToHtml(block.children)}</p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inlineToHtml(item)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}
