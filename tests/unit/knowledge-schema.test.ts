import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import {
  defaultKnowledgeDir,
  loadKnowledgeDir,
  readKnowledgeFiles,
} from '../../functions/lib/knowledge/files.ts';
import { markdownProblem } from '../../functions/lib/knowledge/schema.ts';
import { type SourceFile, validateKnowledgeBase } from '../../functions/lib/knowledge/validate.ts';

/** The entry ids of shared/knowledge-topics.md: a contract with the evaluation sets. */
const topicIds = [
  'what-happened',
  'exchange-vulnerability',
  'affected-data',
  'data-leaked',
  'am-i-affected',
  'attackers',
  'when-informed',
  'why-notified',
  'phishing-risk',
  'what-is-phishing',
  'recognize-phishing',
  'suspicious-email',
  'clicked-link',
  'verify-sender',
  'report-phishing',
  'passwords',
  'measures-taken',
  'outlook-web-app',
  'is-it-safe-now',
  'contact-dpo',
  'gdpr-rights',
  'ask-human',
  'greeting',
  'thanks',
  'goodbye',
  'bot-identity',
];

function entryYaml(
  id: string,
  overrides: {
    related?: string;
    deAnswer?: string;
    extra?: string;
    enQuestion?: string;
    sources?: string;
  } = {},
) {
  return `id: ${id}
kind: faq
reviewedAt: "2021-05-04"
related: ${overrides.related ?? '[]'}
${overrides.sources ?? 'sources: [{ kind: notice, quote: "Der Server wurde vollständig neu aufgesetzt" }]'}
${overrides.extra ?? ''}
de:
  question: Frage ${id}?
  alternatives: [Andere Frage]
  answer: |
    ${overrides.deAnswer ?? 'Antwort.'}
en:
  question: ${overrides.enQuestion ?? `Question ${id}?`}
  answer: Answer.
`;
}

const read = (file: string) => readFile(new URL(file, `file://${defaultKnowledgeDir}`), 'utf8');
const notice = 'sources/notice-2021-05-04.txt';

/**
 * The shipped settings for the small bases below, read once: without the starter questions,
 * which name the shipped entries, and without the word tables (some 3,000 lines of synonyms and
 * phrase rules that entry validation never reads, parsed again in every test).
 */
const smallBaseSettings = read('settings.yaml').then((text) => {
  const {
    starters: _starters,
    synonyms,
    phrases: _phrases,
    ...settings
  } = parse(text) as Record<string, unknown> & { synonyms: Record<string, unknown> };
  // The precedence rules name entries of the shipped knowledge base, as the starters do.
  const { precedence: _precedence, ...matcher } = settings.matcher as Record<string, unknown>;
  return stringify({
    ...settings,
    matcher,
    synonyms: Object.fromEntries(Object.keys(synonyms).map((tag) => [tag, {}])),
  });
});

async function setup(entries: SourceFile[]): Promise<ReturnType<typeof validateKnowledgeBase>> {
  return validateKnowledgeBase([
    { file: 'settings.yaml', text: await smallBaseSettings },
    { file: notice, text: await read(notice) },
    ...entries,
  ]);
}

describe('the default knowledge base', () => {
  it('is valid', async () => {
    const report = await loadKnowledgeDir();
    expect(report.problems).toEqual([]);
    expect(report.entries.length).toBeGreaterThanOrEqual(25);
  });

  it('has exactly the topic ids of the contract, each in German and English', async () => {
    const report = await loadKnowledgeDir();
    const ids = report.entries.map((entry) => entry.id).sort();
    expect(ids).toEqual([...topicIds].sort());
    for (const entry of report.entries) {
      expect(entry.de.answer.length).toBeGreaterThan(20);
      expect(entry.en.answer.length).toBeGreaterThan(20);
    }
  });

  it('reads one YAML file per entry', async () => {
    const files = await readKnowledgeFiles();
    expect(files.filter((file) => file.file.startsWith('entries/'))).toHaveLength(26);
  });
});

describe('kb validate', () => {
  const cases: { name: string; files: SourceFile[]; file: string; field: string; message: RegExp }[] = [
    {
      name: 'a duplicate id',
      files: [
        { file: 'entries/a.yaml', text: entryYaml('a') },
        { file: 'entries/copy/a.yaml', text: entryYaml('a') },
      ],
      file: 'entries/copy/a.yaml',
      field: 'id',
      message: /duplicate id "a"/,
    },
    {
      name: 'a dangling related id',
      files: [{ file: 'entries/a.yaml', text: entryYaml('a', { related: '[missing-entry]' }) }],
      file: 'entries/a.yaml',
      field: 'related.0',
      message: /unknown entry id "missing-entry"/,
    },
    {
      name: 'an empty locale',
      files: [{ file: 'entries/a.yaml', text: entryYaml('a', { enQuestion: '""' }) }],
      file: 'entries/a.yaml',
      field: 'en.question',
      message: /must not be empty/,
    },
    {
      name: 'a javascript: link',
      files: [{ file: 'entries/a.yaml', text: entryYaml('a', { deAnswer: '[klick](javascript:alert(1))' }) }],
      file: 'entries/a.yaml',
      field: 'de.answer',
      message: /unsafe link/,
    },
    {
      name: 'a plain http link',
      files: [{ file: 'entries/a.yaml', text: entryYaml('a', { deAnswer: '[Seite](http://example.org)' }) }],
      file: 'entries/a.yaml',
      field: 'de.answer',
      message: /only https:\/\/ and mailto:/,
    },
    {
      name: 'raw HTML',
      files: [{ file: 'entries/a.yaml', text: entryYaml('a', { deAnswer: '<img src=x onerror=alert(1)>' }) }],
      file: 'entries/a.yaml',
      field: 'de.answer',
      message: /raw HTML/,
    },
    {
      name: 'a misspelt field',
      files: [{ file: 'entries/a.yaml', text: entryYaml('a', { extra: 'relatd: [b]' }) }],
      file: 'entries/a.yaml',
      field: '(file)',
      message: /relatd/,
    },
    {
      name: 'an id that is not kebab-case',
      files: [{ file: 'entries/A_B.yaml', text: entryYaml('A_B') }],
      file: 'entries/A_B.yaml',
      field: 'id',
      message: /kebab-case/,
    },
    {
      name: 'an entry without sources',
      files: [{ file: 'entries/a.yaml', text: entryYaml('a', { sources: 'sources: []' }) }],
      file: 'entries/a.yaml',
      field: 'sources',
      message: /at least one source/,
    },
    {
      name: 'a notice quote that the notice does not contain',
      files: [
        {
          file: 'entries/a.yaml',
          text: entryYaml('a', { sources: 'sources: [{ kind: notice, quote: "Alle Daten sind sicher." }]' }),
        },
      ],
      file: 'entries/a.yaml',
      field: 'sources.0.quote',
      message: /does not occur in the notice/,
    },
    {
      name: 'a law source with a plain http link',
      files: [
        {
          file: 'entries/a.yaml',
          text: entryYaml('a', {
            sources:
              'needsReview: true\nsources: [{ kind: law, article: Art. 15 DSGVO, url: "http://eur-lex.europa.eu" }]',
          }),
        },
      ],
      file: 'entries/a.yaml',
      field: 'sources.0.url',
      message: /https/,
    },
    {
      name: 'broken YAML',
      files: [{ file: 'entries/a.yaml', text: 'id: [unclosed' }],
      file: 'entries/a.yaml',
      field: '(file)',
      message: /not valid YAML/,
    },
    {
      name: 'a key twice in one map',
      files: [{ file: 'entries/a.yaml', text: 'id: a\nkind: faq\nid: b\n' }],
      file: 'entries/a.yaml',
      field: 'id',
      message: /line 3\): the key is there twice/,
    },
  ];

  it.each(cases)('reports $name with file and field', async ({ files, file, field, message }) => {
    const report = await setup(files);
    expect(report.problems).toContainEqual(
      expect.objectContaining({ file, field, message: expect.stringMatching(message) }),
    );
  });

  it('reports a phrase rule that is no valid regular expression, with its place', async () => {
    const settings = parse(await smallBaseSettings) as Record<string, unknown>;
    const report = validateKnowledgeBase([
      { file: 'settings.yaml', text: stringify({ ...settings, phrases: { de: [['(ungeschlossen', 'x']] } }) },
      { file: 'entries/a.yaml', text: entryYaml('a') },
    ]);
    expect(report.problems).toContainEqual(
      expect.objectContaining({
        file: 'settings.yaml',
        field: 'phrases.de.0.0',
        message: expect.stringMatching(/not a valid regular expression/),
      }),
    );
  });

  it('reports a phrase pattern with a capital, and accepts escapes and lower case', async () => {
    const settings = parse(await smallBaseSettings) as Record<string, unknown>;
    const problemsOf = (pattern: string) =>
      validateKnowledgeBase([
        { file: 'settings.yaml', text: stringify({ ...settings, phrases: { en: [[pattern, 'x']] } }) },
        { file: 'entries/a.yaml', text: entryYaml('a') },
      ]).problems.filter((problem) => problem.field === 'phrases.en.0.0');
    for (const pattern of [
      '\\bHello\\b',
      '[A-Z]+',
      '\\p{Lu}',
      '\\P{Ll}',
      '\\u0041',
      '\\u{c4}rger',
      'Ärger',
      '\\\\Q',
      '\\p{gc=Lu}',
      '\\p{Upper}',
      '[@-\\[]',
      '[\\x40-\\x5b]',
      'ſchön',
      'µ',
      'σ',
    ]) {
      expect(problemsOf(pattern), pattern).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/lower case/) }),
      ]);
    }
    for (const pattern of [
      '\\bhello\\b',
      '\\S+\\W\\D\\B',
      '(?<!\\p{L})ärger\\P{L}',
      '\\u00e4rger',
      '\\\\q',
      '(?<Name>mail)\\k<Name>',
      '\\cJ',
      '[a-zäöüß]',
    ]) {
      expect(problemsOf(pattern), pattern).toEqual([]);
    }
  });

  it('reports a never-said pattern with a capital (they are tried on lowercased sentences)', async () => {
    const settings = parse(await smallBaseSettings) as { matcher: Record<string, unknown> };
    const report = validateKnowledgeBase([
      {
        file: 'settings.yaml',
        text: stringify({
          ...settings,
          matcher: { ...settings.matcher, neverSaid: ['\\bOWA\\b', '\\bowa\\b'] },
        }),
      },
      { file: 'entries/a.yaml', text: entryYaml('a') },
    ]);
    expect(report.problems.filter((problem) => problem.field.startsWith('matcher.neverSaid'))).toEqual([
      expect.objectContaining({ field: 'matcher.neverSaid.0', message: expect.stringMatching(/lower case/) }),
    ]);
  });

  it('reports a precedence rule that names no entry or is written with a capital', async () => {
    const settings = parse(await smallBaseSettings) as { matcher: Record<string, unknown> };
    const problemsWith = (precedence: unknown) =>
      validateKnowledgeBase([
        {
          file: 'settings.yaml',
          text: stringify({ ...settings, matcher: { ...settings.matcher, precedence } }),
        },
        { file: 'entries/a.yaml', text: entryYaml('a') },
      ]).problems.filter((problem) => problem.field.startsWith('matcher.precedence'));
    expect(problemsWith([{ when: '\\bopened\\b', prefer: 'a', over: ['no-such-entry'] }])).toEqual([
      { file: 'settings.yaml', field: 'matcher.precedence.0', message: 'unknown entry id "no-such-entry"' },
    ]);
    expect(problemsWith([{ when: '\\bOpened\\b', prefer: 'a', over: ['a'] }])).toEqual([
      expect.objectContaining({
        field: 'matcher.precedence.0.when',
        message: expect.stringMatching(/lower case/),
      }),
    ]);
    expect(problemsWith([{ when: '\\bopened\\b', unless: '\\bNot\\b', prefer: 'a', over: ['a'] }])).toEqual([
      expect.objectContaining({
        field: 'matcher.precedence.0.unless',
        message: expect.stringMatching(/lower case/),
      }),
    ]);
    expect(problemsWith([{ when: '\\bopened\\b', prefer: 'a', over: ['a'] }])).toEqual([]);
  });

  it('accepts a valid entry without any problem', async () => {
    const report = await setup([{ file: 'entries/a.yaml', text: entryYaml('a') }]);
    expect(report.problems).toEqual([]);
  });

  it('reports every problem, not only the first', async () => {
    const report = await setup([
      { file: 'entries/a.yaml', text: entryYaml('a', { related: '[nope]', deAnswer: '<b>x</b>' }) },
      { file: 'entries/b.yaml', text: entryYaml('b', { enQuestion: '""' }) },
    ]);
    expect(report.problems.length).toBeGreaterThanOrEqual(2);
  });

  it('accepts https and mailto links, lists and bold text', () => {
    expect(
      markdownProblem(
        '**Wichtig:**\n\n- [BSI](https://www.bsi.bund.de)\n- [Mail](mailto:datenschutz@ego-mv.de)',
      ),
    ).toBeNull();
  });
});
