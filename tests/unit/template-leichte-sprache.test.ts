import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolvePlaceholders, todoLines } from '../../functions/lib/knowledge/placeholders.ts';
import { checkLeichteSprache } from '../../functions/lib/knowledge/readability.ts';
import { generalAdviceMarkers } from '../../functions/lib/knowledge/sources.ts';

/**
 * The Leichte Sprache texts of the `kb init` template (templates/incident): the generic entries
 * are ready to use and pass the checker, with their placeholders as written and resolved for a
 * sample town; the incident entries carry a question and a TODO answer that `kb validate`
 * refuses; the fictional town of the init test fills those answers in Leichte Sprache.
 */

interface Text {
  question?: unknown;
  answer?: unknown;
}
interface RawEntry {
  id: string;
  sources?: { kind: string }[];
  de: { question: string; answer: string };
  'de-x-ls'?: Text;
}

const root = path.resolve(import.meta.dirname, '../..');
const entriesDir = path.join(root, 'templates/incident/entries');
const files = readdirSync(entriesDir)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = readFileSync(path.join(entriesDir, file), 'utf8');
    return { text, entry: parse(text) as RawEntry };
  });

const generic = [
  'what-is-phishing',
  'recognize-phishing',
  'suspicious-email',
  'clicked-link',
  'verify-sender',
  'report-phishing',
  'phishing-risk',
  'passwords',
  'contact-dpo',
  'ask-human',
  'gdpr-rights',
  'bot-identity',
  'greeting',
  'thanks',
  'goodbye',
];
const genericFiles = files.filter(({ entry }) => generic.includes(entry.id));
const incidentFiles = files.filter(({ entry }) => !generic.includes(entry.id));

/** The fictional town of tests/integration/kb-init.test.ts: its settings and its filled texts. */
const fill = parse(
  readFileSync(path.join(root, 'tests/fixtures/fictional-town/fill.yaml'), 'utf8'),
) as Record<string, { 'de-x-ls'?: { answer?: string }; de?: { answer?: string } } & Record<string, unknown>>;
const { town, contact } = fill['settings.yaml'] as unknown as {
  town: { name: string; shortName: string; nameEn: string; incident: { de: string } };
  contact: { organisation: string; dpo: { name: string; email: string } };
};
const sample: Record<string, string> = {
  'town.name': town.name,
  'town.shortName': town.shortName,
  'town.nameEn': town.nameEn,
  'town.incident.de': town.incident.de,
  'contact.organisation': contact.organisation,
  'contact.dpo.name': contact.dpo.name,
  'contact.dpo.email': contact.dpo.email,
};
/** The sample's proper names ("Beispielstedt") may stay long, like "Strasburg" in the shipped texts. */
const names = [town.name, town.shortName, contact.dpo.name].flatMap((name) => name.split(/\s+/));

const resolve = (text: string) => {
  const { value, problems } = resolvePlaceholders(text, sample);
  expect(problems).toEqual([]);
  return value as string;
};
const leichteSprache = (entry: RawEntry) => {
  const text = entry['de-x-ls'];
  if (typeof text?.question !== 'string' || typeof text.answer !== 'string') {
    throw new Error(`${entry.id}: no de-x-ls block with question and answer`);
  }
  return { question: text.question, answer: text.answer };
};
const report = (id: string, text: string, options?: { names: string[] }) =>
  checkLeichteSprache(text, options).map(
    (violation) => `${id} ${violation.rule}: "${violation.sentence}" – ${violation.message}`,
  );
const placeholdersIn = (text: string) => new Set(text.match(/\{\{\s*[\w.-]+\s*\}\}/g) ?? []);
const emailAddresses = (text: string) => new Set(text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []);
const numbers = (text: string) => new Set(text.match(/\d+/g) ?? []);

describe("the template's Leichte Sprache texts", () => {
  it('cover every template entry, generic and incident', () => {
    expect(genericFiles.map(({ entry }) => entry.id).sort()).toEqual([...generic].sort());
    expect(incidentFiles.length).toBeGreaterThan(0);
    expect(files.filter(({ entry }) => entry['de-x-ls'] === undefined).map(({ entry }) => entry.id)).toEqual(
      [],
    );
  });

  describe.each(genericFiles.map(({ entry }) => [entry.id, entry] as const))(
    'generic entry %s',
    (id, entry) => {
      it('passes every Leichte Sprache rule with its placeholders as written', () => {
        const { question, answer } = leichteSprache(entry);
        expect(report(id, `${question}\n\n${answer}`)).toEqual([]);
      });

      it('passes every Leichte Sprache rule with the placeholders resolved for a sample town', () => {
        const { question, answer } = leichteSprache(entry);
        expect(report(id, resolve(`${question}\n\n${answer}`), { names })).toEqual([]);
      });

      it('names the town and its contacts only through the placeholders of the German answer', () => {
        const { answer } = leichteSprache(entry);
        const german = placeholdersIn(entry.de.answer);
        // The greeting names the town instead of {{town.incident.de}}: that phrase is written for
        // the German texts ("zum Angriff auf den Dateiserver der Gemeindeverwaltung").
        if (id === 'greeting') german.add('{{town.name}}');
        expect([...placeholdersIn(answer)].filter((placeholder) => !german.has(placeholder))).toEqual([]);
        expect(answer).not.toMatch(/\{\{\s*town\.incident/);
        expect(answer).not.toMatch(/strasburg|uckermark|ego-mv|\bamon\b|\bschulz\b|\bTODO\b/i);
      });

      it('marks general advice exactly when the entry has a general-guidance source', () => {
        const hasGuidance = (entry.sources ?? []).some((source) => source.kind === 'general-guidance');
        expect(generalAdviceMarkers.de.test(leichteSprache(entry).answer)).toBe(hasGuidance);
      });

      it('gives the same e-mail addresses and no number that the German answer does not give', () => {
        const { answer } = leichteSprache(entry);
        expect(emailAddresses(resolve(answer))).toEqual(emailAddresses(resolve(entry.de.answer)));
        const german = numbers(entry.de.answer);
        expect([...numbers(answer)].filter((number) => !german.has(number))).toEqual([]);
      });
    },
  );

  describe.each(incidentFiles.map(({ entry, text }) => [entry.id, entry, text] as const))(
    'incident entry %s',
    (id, entry, text) => {
      it('has a Leichte Sprache question that passes the checker', () => {
        expect(report(id, leichteSprache(entry).question)).toEqual([]);
      });

      it('leaves the answer as a TODO that kb validate refuses, pointing to docs/leichte-sprache.md', () => {
        const { answer } = leichteSprache(entry);
        expect(answer).toMatch(/^TODO: .*Leichter Sprache.*docs\/leichte-sprache\.md/);
        expect(todoLines(text).some((line) => answer.trim().startsWith(line.text))).toBe(true);
      });

      it('is filled by the fictional town of the init test with a text that passes the checker', () => {
        const filled = fill[`entries/${id}.yaml`];
        const answer = filled?.['de-x-ls']?.answer;
        expect(typeof answer).toBe('string');
        expect(answer).not.toMatch(/\bTODO\b/);
        expect(report(id, `${leichteSprache(entry).question}\n\n${answer}`, { names })).toEqual([]);
        const german = numbers(filled?.de?.answer ?? '');
        expect([...numbers(answer as string)].filter((number) => !german.has(number))).toEqual([]);
      });
    },
  );
});
