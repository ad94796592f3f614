import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Block,
  blocksText,
  type Inline,
  parseInline,
  parseMarkdown,
  safeHref,
} from '../../web/shared/markdown.ts';

const text = (value: string): Inline => ({ type: 'text', text: value });

function links(nodes: readonly (Block | Inline)[]): string[] {
  return nodes.flatMap((node): string[] => {
    if (node.type === 'link') return [node.href, ...links(node.children)];
    if (node.type === 'text' || node.type === 'break') return [];
    if (node.type === 'list') return node.items.flatMap((item) => links(item));
    return links(node.children);
  });
}

describe('safeHref', () => {
  it('accepts https and mailto only', () => {
    expect(safeHref('https://www.strasburg.de/aktuelles')).toBe('https://www.strasburg.de/aktuelles');
    expect(safeHref(' mailto:datenschutz@ego-mv.de ')).toBe('mailto:datenschutz@ego-mv.de');
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'http://example.org',
      '//evil.example',
      '/relative',
      'https://',
      'https://user@evil.example',
      'https://a.example/"onmouseover="x',
      'mailto:',
      'mailto:javascript:alert(1)',
      '',
    ]) {
      expect(safeHref(bad), bad).toBeNull();
    }
  });
});

describe('parseInline', () => {
  it('parses strong, em, links and bare https links', () => {
    expect(parseInline('Das ist **wichtig** und *betont*.')).toEqual([
      text('Das ist '),
      { type: 'strong', children: [text('wichtig')] },
      text(' und '),
      { type: 'em', children: [text('betont')] },
      text('.'),
    ]);
    expect(parseInline('Mail an [Frau Amon](mailto:datenschutz@ego-mv.de).')).toEqual([
      text('Mail an '),
      { type: 'link', href: 'mailto:datenschutz@ego-mv.de', children: [text('Frau Amon')] },
      text('.'),
    ]);
    expect(parseInline('Siehe https://www.bsi.bund.de/phishing.')).toEqual([
      text('Siehe '),
      {
        type: 'link',
        href: 'https://www.bsi.bund.de/phishing',
        children: [text('https://www.bsi.bund.de/phishing')],
      },
      text('.'),
    ]);
    expect(parseInline('<https://example.org/a>')).toEqual([
      { type: 'link', href: 'https://example.org/a', children: [text('https://example.org/a')] },
    ]);
  });

  it('keeps the words of an unsafe link but drops the link', () => {
    expect(parseInline('[klick](javascript:alert(1))')).toEqual([text('klick'), text(')')]);
    expect(parseInline('[x](data:text/html,hi)')).toEqual([text('x')]);
  });

  it('never turns HTML into anything but text', () => {
    const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    expect(parseInline(payload)).toEqual([text(payload)]);
  });

  it('does not nest links and leaves snake_case words alone', () => {
    expect(links(parseInline('[a https://x.example](https://y.example)'))).toEqual(['https://y.example']);
    expect(parseInline('file_name_here')).toEqual([text('file_name_here')]);
  });

  it('honours backslash escapes', () => {
    expect(parseInline('\\*nicht kursiv\\*')).toEqual([text('*nicht kursiv*')]);
  });
});

describe('parseMarkdown', () => {
  it('parses paragraphs, bullet lists and numbered lists', () => {
    const blocks = parseMarkdown(
      'Erste Zeile\nzweite Zeile\n\n- eins\n- **zwei**\n  weiter\n\n1. a\n2. b\n\nEnde',
    );
    expect(blocks).toEqual([
      { type: 'paragraph', children: [text('Erste Zeile'), { type: 'break' }, text('zweite Zeile')] },
      {
        type: 'list',
        ordered: false,
        items: [
          [text('eins')],
          [{ type: 'strong', children: [text('zwei')] }, { type: 'break' }, text('weiter')],
        ],
      },
      { type: 'list', ordered: true, items: [[text('a')], [text('b')]] },
      { type: 'paragraph', children: [text('Ende')] },
    ]);
  });

  it('renders the plain text for the live region', () => {
    expect(blocksText(parseMarkdown('**Hallo** [Welt](https://w.example)\n\n- a\n- b'))).toBe(
      'Hallo Welt\na\nb',
    );
  });

  it('only ever produces https: and mailto: links, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (source) => {
        for (const href of links(parseMarkdown(source))) {
          expect(href).toMatch(/^(https:\/\/|mailto:)/i);
          expect(safeHref(href)).toBe(href);
        }
      }),
      { numRuns: 500 },
    );
    const adversarial = fc.array(
      fc.constantFrom(
        '[',
        ']',
        '(',
        ')',
        '<',
        '>',
        'javascript:',
        'https://',
        'mailto:',
        'a@b.de',
        '*',
        ' ',
        '\n',
        'x',
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(adversarial, (parts) => {
        for (const href of links(parseMarkdown(parts.join('')))) expect(safeHref(href)).toBe(href);
      }),
      { numRuns: 1000 },
    );
  });
});
