import { extraLocaleTags, localeBlock } from './locales.ts';
import { checkLeichteSprache } from './readability.ts';
import type { Entry, Settings } from './schema.ts';
import type { ValidationProblem } from './validate.ts';

/**
 * What `kb validate` checks per configured locale: every block names a configured locale,
 * every entry has a block for every configured locale (a warning for a locale marked
 * `required: false`, whose missing texts fall back to its parent), starters name configured
 * locales, and the texts of a locale with a readability rule set pass it.
 */
export function localeProblems(
  valid: readonly { entry: Entry; file: string }[],
  settings: Settings,
): { problems: ValidationProblem[]; warnings: ValidationProblem[] } {
  const problems: ValidationProblem[] = [];
  const warnings: ValidationProblem[] = [];
  // The town's own names may be long or in capitals ("Beispielstedt", "(Uckermark)").
  const names = [settings.town?.name, settings.town?.shortName]
    .flatMap((name) => (name ?? '').split(/[\s()]+/))
    .filter((word) => word.length > 0);
  const configured = new Map(settings.locales.map((locale) => [locale.tag, locale]));
  for (const tag of Object.keys(settings.starters ?? {}))
    if (!configured.has(tag))
      problems.push({
        file: 'settings.yaml',
        field: `starters.${tag}`,
        message: `locale "${tag}" is not configured`,
      });
  for (const tag of [...Object.keys(settings.texts), ...Object.keys(settings.synonyms)])
    if (!configured.has(tag))
      problems.push({ file: 'settings.yaml', field: tag, message: `locale "${tag}" is not configured` });
  for (const { entry, file } of valid) {
    for (const tag of extraLocaleTags(entry))
      if (!configured.has(tag))
        problems.push({
          file,
          field: tag,
          message: `locale "${tag}" is not configured in settings.yaml (locales)`,
        });
    for (const locale of settings.locales) {
      const block = localeBlock(entry, locale.tag);
      if (!block) {
        const problem = {
          file,
          field: locale.tag,
          message: `no "${locale.tag}" (${locale.name}) texts: question and answer are required`,
        };
        (locale.required === false ? warnings : problems).push(problem);
        continue;
      }
      if (locale.readability !== 'leichte-sprache') continue;
      // Question and answer are checked as one text: the widget shows them together, so a hard
      // word in the question ("Phishing") may be explained in the answer.
      const text = `${block.question}\n\n${block.answer}`;
      for (const violation of checkLeichteSprache(text, { names })) {
        const field = block.question.includes(violation.sentence) ? 'question' : 'answer';
        problems.push({
          file,
          field: `${locale.tag}.${field}`,
          message: `${entry.id} [${locale.tag}] ${violation.rule}: ${violation.message} in "${violation.sentence}"`,
        });
      }
    }
  }
  return { problems, warnings };
}
