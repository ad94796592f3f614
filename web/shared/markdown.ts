/**
 * A tiny Markdown subset for knowledge-base answers and the DPO's answers, parsed into an AST of
 * safe nodes: paragraphs, `-`/`*` and `1.` lists, **strong**, *em*, [links](https|mailto), bare
 * https links and line breaks. There is no HTML node type at all, so whatever the API sends (even
 * `<script>`) can only ever become text.
 *
 * A single line break is kept (as GitHub comments do): staff write "Mit freundlichen Grüßen" and
 * their name on two lines and expect two lines, in the page, the widget and the mail alike.
 *
 * Pure and DOM-free, so the same parser serves the pages (`markdown-dom.ts` builds DOM nodes) and
 * the server (`functions/lib/markdown/render.ts` writes the mail's text and HTML parts).
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'break' }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

/**
 * Returns the link target when it is an https: URL or a mailto: address, otherwise null.
 * Anything with whitespace, control characters or another scheme (javascript:, data:, //host)
 * is refused.
 */
export function safeHref(raw: string): string | null {
  const href = raw.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (href === '' || /[\s\u0000-\u001f\u007f<>"'`\\]/.test(href)) return null;
  if (/^https:\/\/[^/?#@]+(?:[/?#]\S*)?$/i.test(href)) return href;
  if (/^mailto:[^@/:?#]+@[a-z0-9.-]+\.[a-z]{2,}(?:\?\S*)?$/i.test(href)) return href;
  return null;
}

const trailingPunctuation = /[.,;:!?)]+$/;

/** Parses inline Markdown; `allowLinks` is false inside link text (no nested links). */
export function parseInline(source: string, allowLinks = true): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const char = source[i] ?? '';
    if (char === '\n') {
      flush();
      out.push({ type: 'break' });
      i += 1;
      continue;
    }
    if (char === '\\' && /^\\[\\*_[\]()<>#`-]/.test(rest)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    const strong = /^(\*\*|__)(?=\S)([\s\S]*?\S)\1/.exec(rest);
    if (strong?.[2]) {
      flush();
      out.push({ type: 'strong', children: parseInline(strong[2], allowLinks) });
      i += strong[0].length;
      continue;
    }
    const em = /^([*_])(?=[^\s*_])([\s\S]*?[^\s\\])\1(?![*_])/.exec(rest);
    if (em?.[2] && !(char === '_' && /\w/.test(source[i - 1] ?? ''))) {
      flush();
      out.push({ type: 'em', children: parseInline(em[2], allowLinks) });
      i += em[0].length;
      continue;
    }
    if (allowLinks) {
      const link = /^\[([^\]]+)\]\(\s*<?([^)\s>]*)>?\s*\)/.exec(rest);
      if (link?.[1] !== undefined) {
        flush();
        const href = safeHref(link[2] ?? '');
        const children = parseInline(link[1], false);
        // An unsafe target loses its link but keeps its words.
        if (href) out.push({ type: 'link', href, children });
        else out.push(...children);
        i += link[0].length;
        continue;
      }
      const auto = /^<((?:https|mailto):[^>\s]+)>/i.exec(rest);
      if (auto?.[1]) {
        const href = safeHref(auto[1]);
        if (href) {
          flush();
          out.push({ type: 'link', href, children: [{ type: 'text', text: href.replace(/^mailto:/i, '') }] });
          i += auto[0].length;
          continue;
        }
      }
      const bare = /^https:\/\/[^\s<>"'`]+/i.exec(rest);
      if (bare && !/[\w/]/.test(source[i - 1] ?? '')) {
        const url = bare[0].replace(trailingPunctuation, '');
        const href = safeHref(url);
        if (href) {
          flush();
          out.push({ type: 'link', href, children: [{ type: 'text', text: url }] });
          i += url.length;
          continue;
        }
      }
    }
    text += char;
    i += 1;
  }
  flush();
  return out;
}

const bullet = /^\s{0,3}[-*+]\s+(.*)$/;
const numbered = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

/** Parses a Markdown answer into blocks. Headings and quotes degrade to paragraphs. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | undefined;
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', children: parseInline(paragraph.join('\n')) });
    paragraph = [];
  };
  const endList = () => {
    if (list)
      blocks.push({
        type: 'list',
        ordered: list.ordered,
        items: list.items.map((item) => parseInline(item)),
      });
    list = undefined;
  };
  for (const rawLine of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trimEnd();
    if (line.trim() === '') {
      endParagraph();
      endList();
      continue;
    }
    const item = bullet.exec(line) ?? numbered.exec(line);
    if (item) {
      const ordered = !bullet.test(line);
      endParagraph();
      if (list && list.ordered !== ordered) endList();
      list ??= { ordered, items: [] };
      list.items.push(item[1] ?? '');
      continue;
    }
    if (list && /^\s+\S/.test(rawLine)) {
      // An indented line continues the current list item.
      list.items[list.items.length - 1] += `\n${line.trim()}`;
      continue;
    }
    endList();
    paragraph.push(line.trim().replace(/^#{1,6}\s+|^>\s?/, ''));
  }
  endParagraph();
  endList();
  return blocks;
}

/** The plain text of inline nodes (for the live region and for tests). */
export function inlineText(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.text;
      if (node.type === 'break') return '\n';
      return inlineText(node.children);
    })
    .join('');
}

/** The plain text of a parsed answer, one block per line. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block) =>
      block.type === 'paragraph' ? inlineText(block.children) : block.items.map(inlineText).join('\n'),
    )
    .join('\n');
}
