import { readFile } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { ask } from '../../functions/lib/ask/ask.ts';
import { ticketLocale } from '../../functions/lib/escalations/ticket-locale.ts';
import { defaultKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import { localeProblems } from '../../functions/lib/knowledge/locale-checks.ts';
import { fallbackChain } from '../../functions/lib/knowledge/locales.ts';
import {
  type Entry,
  entrySchema,
  type Settings,
  settingsSchema,
} from '../../functions/lib/knowledge/schema.ts';
import { createMatcher } from '../../functions/lib/matcher/matcher.ts';

// The real Leichte Sprache rules live in readability.ts (issue 16, another branch); here a
// stand-in flags one hard word, so the test sees how `kb validate` reports a violation.
vi.mock('../../functions/lib/knowledge/readability.ts', () => ({
  checkLeichteSprache: (markdown: string) =>
    markdown.includes('Plausibilität')
      ? [
          {
            rule: 'hard-word',
            sentence: markdown.split('\n').find((line) => line.includes('Plausibilit')) ?? '',
            message: 'explain the word',
          },
        ]
      : [],
}));

const shippedSettings = async (): Promise<Record<string, unknown>> =>
  parse(await readFile(new URL('settings.yaml', `file://${defaultKnowledgeDir}`), 'utf8')) as Record<
    string,
    unknown
  >;

const block = (question: string, answer: string) => ({
  question,
  alternatives: [],
  keywords: [],
  answer,
  tests: [],
});

function entry(id: string, blocks: Record<string, ReturnType<typeof block>>): Entry {
  return entrySchema.parse({ id, kind: 'faq', ...blocks }) as Entry;
}

const threeLocales = [
  { tag: 'de', name: 'Deutsch', analysis: 'de' },
  { tag: 'en', name: 'English', analysis: 'en' },
  {
    tag: 'de-x-ls',
    name: 'Leichte Sprache',
    analysis: 'de',
    matchAlso: 'de',
    readability: 'leichte-sprache',
  },
];

async function settingsWith(locales: unknown): Promise<Settings> {
  const { starters: _starters, ...settings } = await shippedSettings();
  return settingsSchema.parse({ ...settings, locales });
}

describe('locales in the settings', () => {
  it('when settings predate `locales` › German and English are configured', async () => {
    const { locales: _locales, ...settings } = await shippedSettings();
    expect(settingsSchema.parse(settings).locales.map((locale) => locale.tag)).toEqual(['de', 'en']);
  });

  it.each([
    [
      'a duplicate tag',
      [...threeLocales, { tag: 'en', name: 'Englisch', analysis: 'en' }],
      /duplicate locale \\?"en\\?"/,
    ],
    [
      'a matchAlso that is not configured',
      [threeLocales[0], threeLocales[1], { ...threeLocales[2], matchAlso: 'fr' }],
      /\\?"fr\\?" is not another configured locale/,
    ],
    ['no English', [threeLocales[0], threeLocales[2]], /\\?"en\\?" must be configured/],
    [
      'an analysis that does not exist',
      [...threeLocales, { tag: 'pl', name: 'Polski', analysis: 'pl' }],
      /Invalid option/,
    ],
    [
      'a tag that is no BCP 47 tag',
      [...threeLocales, { tag: 'Polish', name: 'Polski', analysis: 'none' }],
      /BCP 47/,
    ],
  ])('refuses %s', async (_name, locales, message) => {
    await expect(settingsWith(locales)).rejects.toThrow(message);
  });

  it('falls back from Leichte Sprache to German, and from any other tag to German', () => {
    const locales = threeLocales as Settings['locales'];
    expect(fallbackChain(locales, 'de-x-ls')).toEqual(['de-x-ls', 'de']);
    expect(fallbackChain(locales, 'pl')).toEqual(['pl', 'de']);
    expect(fallbackChain(locales, 'en')).toEqual(['en', 'de']);
  });
});

describe('entries with blocks for any configured locale', () => {
  it('parses a de-x-ls block with the defaults of a locale block', () => {
    const parsed = entry('a', {
      de: block('Frage?', 'Antwort.'),
      en: block('Question?', 'Answer.'),
      'de-x-ls': block('Frage?', 'Leichte Antwort.'),
    });
    expect(parsed['de-x-ls']).toEqual(block('Frage?', 'Leichte Antwort.'));
  });

  it('reports a broken block with its locale in the field path', () => {
    const result = entrySchema.safeParse({
      id: 'a',
      kind: 'faq',
      de: block('Frage?', 'Antwort.'),
      en: block('Question?', 'Answer.'),
      pl: { question: 'Pytanie?' },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['pl.answer']);
  });

  it('validates per configured locale: unknown tags and missing blocks are errors, unless the locale is not required', async () => {
    const settings = await settingsWith([
      ...threeLocales,
      { tag: 'pl', name: 'Polski', analysis: 'none', required: false },
    ]);
    const entries = [
      {
        file: 'entries/a.yaml',
        entry: entry('a', { de: block('A?', 'A.'), en: block('A?', 'A.'), cs: block('A?', 'A.') }),
      },
    ];
    const { problems, warnings } = localeProblems(entries, settings);
    expect(problems.map((problem) => `${problem.field}: ${problem.message}`)).toEqual([
      'cs: locale "cs" is not configured in settings.yaml (locales)',
      'de-x-ls: no "de-x-ls" (Leichte Sprache) texts: question and answer are required',
    ]);
    expect(warnings.map((warning) => warning.field)).toEqual(['pl']);
  });

  it('checks the texts of a readability locale and reports entry, locale, field, rule and sentence', async () => {
    const settings = await settingsWith(threeLocales);
    const entries = [
      {
        file: 'entries/a.yaml',
        entry: entry('a', {
          de: block('Was tun?', 'Prüfen Sie die Plausibilität.'),
          en: block('What to do?', 'Check it.'),
          'de-x-ls': block('Was tun?', 'Prüfen Sie die Plausibilität.\nDas ist wichtig.'),
        }),
      },
    ];
    expect(localeProblems(entries, settings).problems).toEqual([
      {
        file: 'entries/a.yaml',
        field: 'de-x-ls.answer',
        message: 'a [de-x-ls] hard-word: explain the word in "Prüfen Sie die Plausibilität."',
      },
    ]);
  });
});

describe('answers per locale', () => {
  const entries = [
    entry('what-happened', {
      de: block('Was ist passiert?', 'Ein Angriff auf den Mailserver.'),
      en: block('What happened?', 'An attack on the mail server.'),
      'de-x-ls': block('Was ist passiert?', 'Fremde sind in den Computer eingebrochen.'),
    }),
    entry('passwords', {
      de: block('Muss ich mein Passwort ändern?', 'Ja, ändern Sie Ihr Passwort.'),
      en: block('Do I have to change my password?', 'Yes, change it.'),
    }),
  ];

  it('when asked in de-x-ls › the Leichte Sprache text, and German where an entry has none', async () => {
    const settings = await settingsWith(threeLocales);
    const knowledge = {
      snapshot: { version: 1, settings, entries },
      matcher: createMatcher(entries, settings),
    };
    expect(ask(knowledge, 'Was ist passiert?', 'de-x-ls')).toMatchObject({
      locale: 'de-x-ls',
      answer: { entryId: 'what-happened', text: 'Fremde sind in den Computer eingebrochen.' },
    });
    expect(ask(knowledge, 'Muss ich mein Passwort ändern?', 'de-x-ls')).toMatchObject({
      locale: 'de-x-ls',
      answer: { entryId: 'passwords', text: 'Ja, ändern Sie Ihr Passwort.' },
    });
  });

  it('keeps the Leichte Sprache locale on a German forwarded question, and detects English over it', async () => {
    const settings = await settingsWith(threeLocales);
    const matcher = createMatcher(entries, settings);
    expect(ticketLocale(settings, matcher, 'Wer hat meine Daten?', 'de-x-ls')).toBe('de-x-ls');
    expect(ticketLocale(settings, matcher, 'Who has my data and what did they do with it?', 'de-x-ls')).toBe(
      'en',
    );
    expect(ticketLocale(settings, matcher, 'Wer hat meine Daten?', 'xx')).toBe('de');
  });
});
