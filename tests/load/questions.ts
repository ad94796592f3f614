import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { defaultKnowledgeDir } from '../../functions/lib/knowledge/files.ts';

/** One question a load client may ask, with the locale it is written in. */
export interface LoadQuestion {
  question: string;
  locale: 'de' | 'en';
}

/**
 * Out-of-scope and awkward questions a town's citizens really type: no entry answers them, so
 * they exercise the "I don't know" path and the (anonymised) unanswered report.
 */
const ownQuestions: LoadQuestion[] = [
  { question: 'Wann hat das Bürgerbüro am Samstag geöffnet?', locale: 'de' },
  { question: 'Wo kann ich meinen Personalausweis verlängern?', locale: 'de' },
  { question: 'Muss ich jetzt mein Bankkonto sperren lassen?', locale: 'de' },
  { question: 'hallo??? funktioniert das hier', locale: 'de' },
  { question: 'Ist mein Antrag auf Wohngeld betroffen, ich heiße Erika Muster', locale: 'de' },
  { question: 'Kann ich den Müllabfuhrkalender per Mail bekommen?', locale: 'de' },
  { question: 'Was kostet ein Anwohnerparkausweis in der Karl-Marx-Straße 12?', locale: 'de' },
  { question: 'wer ist der bürgermeister', locale: 'de' },
  { question: 'Where can I register my dog?', locale: 'en' },
  { question: 'Is the swimming pool open on Sunday?', locale: 'en' },
  { question: 'Should I change my bank PIN now?', locale: 'en' },
  { question: 'asdf qwertz', locale: 'de' },
];

/**
 * The question mix: the knowledge base's own `tests` phrasings (worded differently from the
 * entries' questions and alternatives, like real citizens) plus the out-of-scope list above.
 */
export async function loadQuestions(dir = defaultKnowledgeDir): Promise<LoadQuestion[]> {
  const entryDir = path.join(dir, 'entries');
  const questions: LoadQuestion[] = [];
  for (const name of (await readdir(entryDir)).filter((file) => file.endsWith('.yaml')).sort()) {
    const entry = parse(await readFile(path.join(entryDir, name), 'utf8')) as Record<
      string,
      { tests?: unknown } | undefined
    >;
    for (const locale of ['de', 'en'] as const) {
      const tests = entry[locale]?.tests;
      if (Array.isArray(tests))
        for (const question of tests) if (typeof question === 'string') questions.push({ question, locale });
    }
  }
  return [...questions, ...ownQuestions, ...ownQuestions];
}
