import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readKnowledgeFiles } from '../../functions/lib/knowledge/files.ts';
import { renderTownPage } from '../../functions/lib/knowledge/pages.ts';
import type { Settings } from '../../functions/lib/knowledge/schema.ts';
import { validateKnowledgeBase } from '../../functions/lib/knowledge/validate.ts';

/** The shipped knowledge base as files, with one file's text changed. */
async function filesWith(file: string, change: (text: string) => string) {
  return (await readKnowledgeFiles()).map((source) =>
    source.file === file ? { ...source, text: change(source.text) } : source,
  );
}

const problemsOf = async (file: string, change: (text: string) => string) =>
  validateKnowledgeBase(await filesWith(file, change)).problems.map(
    (problem) => `${problem.file} ${problem.field}: ${problem.message}`,
  );

describe('the town section and placeholders', () => {
  it('when an entry uses a placeholder › the answer holds the value from the settings', async () => {
    const report = validateKnowledgeBase(
      await filesWith('entries/thanks.yaml', (text) =>
        text.replace('Gern geschehen!', 'Gern geschehen, sagt {{town.shortName}} ({{contact.dpo.email}})!'),
      ),
    );
    expect(report.problems).toEqual([]);
    expect(report.entries.find((entry) => entry.id === 'thanks')?.de.answer).toContain(
      'Gern geschehen, sagt Strasburg (datenschutz@ego-mv.de)!',
    );
  });

  it('when an entry uses an unknown placeholder › validation names the file and field', async () => {
    const problems = await problemsOf('entries/thanks.yaml', (text) =>
      text.replace('Gern geschehen!', 'Gern geschehen, {{town.mayor}}!'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^entries\/thanks\.yaml de\.answer: unknown placeholder \{\{town\.mayor\}\}/),
    ]);
  });

  it('when a file still holds a TODO › validation reports its file and line', async () => {
    const problems = await problemsOf('entries/thanks.yaml', (text) => `${text}# TODO: check this\n`);
    expect(problems).toEqual([
      expect.stringMatching(/^entries\/thanks\.yaml line \d+: TODO left: # TODO: check this$/),
    ]);
  });

  it('when the town colour is too light or mail goes out from a foreign domain › both are reported', async () => {
    const problems = await problemsOf('settings.yaml', (text) =>
      text
        .replace('primary: "#0b5394"', 'primary: "#ffcc00"')
        .replace('senderAddress: no-reply@strasburg.de', 'senderAddress: no-reply@example.org'),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^settings\.yaml town\.colors\.primary: contrast 1\.\d+:1 against white/),
      expect.stringMatching(
        /^settings\.yaml contact\.senderAddress: must use one of the town's mail domains/,
      ),
    ]);
  });

  it('when the town section is missing › validation asks for it', async () => {
    const problems = await problemsOf('settings.yaml', (text) =>
      text.replace(/^town:\n(?: {2}.*\n|\s*#.*\n)*/m, ''),
    );
    expect(problems).toEqual([expect.stringMatching(/^settings\.yaml town: missing/)]);
  });
});

describe('rendering a page for the town', () => {
  const settings = async () => {
    const report = validateKnowledgeBase(await readKnowledgeFiles());
    return report.settings as Settings;
  };

  it('fills names, figures and colours, and drops the deputy when there is none', async () => {
    const base = await settings();
    const { deputy: _deputy, ...contact } = base.contact;
    const town: Settings = {
      ...base,
      town: {
        ...(base.town as NonNullable<Settings['town']>),
        name: 'Gemeinde <Test>',
        colors: { primary: '#123456', accent: '#654321' },
      },
      contact,
      escalation: { ...base.escalation, retentionDays: 30 },
    };
    const html = renderTownPage(
      '<p>{{town.name}}<!-- if contact.deputy.name --> Vertretung: {{contact.deputy.name}}<!-- end if --></p><data data-setting="escalation.retentionDays" value="90">90</data>',
      town,
    );
    expect(html).toBe(
      '<p>Gemeinde &lt;Test&gt;</p><data data-setting="escalation.retentionDays" value="30">30</data>',
    );
    expect(renderTownPage('a { color: #0b5394 /* {{town.colors.primary}} */; }', town)).toBe(
      'a { color: #123456; }',
    );
    expect(() => renderTownPage('{{town.mayor}}', town)).toThrow('unknown placeholder');
  });

  it('leaves no placeholder in any shipped page', async () => {
    const current = await settings();
    for (const page of ['index', 'privacy', 'accessibility', 'inbox', 'dashboard', 'editor']) {
      const html = await readFile(new URL(`../../web/public/${page}.html`, import.meta.url), 'utf8');
      expect(renderTownPage(html, current), page).not.toContain('{{');
    }
  });
});
