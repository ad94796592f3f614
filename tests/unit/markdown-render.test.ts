import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownToHtml, markdownToText } from '../../functions/lib/markdown/render.ts';

const answer = [
  'Guten Tag,',
  '',
  'Ihr Konto ist **nicht betroffen**. Bitte *ändern* Sie trotzdem Ihr Passwort:',
  '',
  '- Passwort ändern',
  '- [Hinweise des BSI](https://www.bsi.bund.de/passwort) lesen',
  '',
  'Fragen an <mailto:datenschutz@ego-mv.de> oder https://www.strasburg.de.',
  '',
  'Mit freundlichen Grüßen',
  'Ihre Datenschutzbeauftragte',
].join('\n');

describe('markdownToText (the plain-text part of an answer mail)', () => {
  it('when the DPO writes Markdown › the citizen reads plain text without markup', () => {
    expect(markdownToText(answer)).toBe(
      [
        'Guten Tag,',
        '',
        'Ihr Konto ist nicht betroffen. Bitte ändern Sie trotzdem Ihr Passwort:',
        '',
        '- Passwort ändern',
        '- Hinweise des BSI (https://www.bsi.bund.de/passwort) lesen',
        '',
        'Fragen an datenschutz@ego-mv.de oder https://www.strasburg.de.',
        '',
        'Mit freundlichen Grüßen',
        'Ihre Datenschutzbeauftragte',
      ].join('\n'),
    );
  });

  it('numbers ordered lists and indents a line break inside an item', () => {
    expect(markdownToText('1. eins\n   weiter\n2. zwei')).toBe('1. eins\n   weiter\n2. zwei');
  });
});

describe('markdownToHtml (the HTML part of an answer mail)', () => {
  it('when the DPO writes Markdown › the HTML part shows it formatted, closing lines on two lines', () => {
    expect(markdownToHtml(answer)).toBe(
      [
        '<p>Guten Tag,</p>',
        '<p>Ihr Konto ist <strong>nicht betroffen</strong>. Bitte <em>ändern</em> Sie trotzdem Ihr Passwort:</p>',
        '<ul><li>Passwort ändern</li><li><a href="https://www.bsi.bund.de/passwort">Hinweise des BSI</a> lesen</li></ul>',
        '<p>Fragen an <a href="mailto:datenschutz@ego-mv.de">datenschutz@ego-mv.de</a> oder <a href="https://www.strasburg.de">https://www.strasburg.de</a>.</p>',
        '<p>Mit freundlichen Grüßen<br>Ihre Datenschutzbeauftragte</p>',
      ].join('\n'),
    );
  });

  it('when the text holds HTML or a script link › it arrives as text, never as markup', () => {
    expect(markdownToHtml('<img src=x onerror=alert(1)> & [klick](javascript:alert(1)) "x"')).toBe(
      '<p>&lt;img src=x onerror=alert(1)&gt; &amp; klick) &quot;x&quot;</p>',
    );
    expect(escapeHtml(`<a href='x'>`)).toBe('&lt;a href=&#39;x&#39;&gt;');
  });

  it('only ever emits its own tags and https/mailto links, whatever the input', () => {
    const allowed = /^<\/?(p|ul|ol|li|strong|em|br|a)( href="(https:\/\/|mailto:)[^"]*")?>$/;
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(
            '<',
            '>',
            '"',
            "'",
            '&',
            '*',
            '[',
            ']',
            '(',
            ')',
            'a',
            ' ',
            '\n',
            '- ',
            'https://x.de',
            'javascript:',
            'onerror=',
          ),
          { maxLength: 60 },
        ),
        (parts) => {
          for (const tag of markdownToHtml(parts.join('')).match(/<[^>]*>/g) ?? [])
            expect(tag).toMatch(allowed);
        },
      ),
      { numRuns: 500 },
    );
  });
});
