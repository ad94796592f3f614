import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import { checkLeichteSprache } from '../../functions/lib/knowledge/readability.ts';
import { generalAdviceMarkers } from '../../functions/lib/knowledge/sources.ts';

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

// The files are read as YAML, not through the schema, so the test holds the agreed file format
// (a top-level `de-x-ls` block) whatever shape the schema gives locales in code.
const entriesDir = path.join(defaultKnowledgeDir, 'entries');
const entries: RawEntry[] = readdirSync(entriesDir)
  .filter((file) => file.endsWith('.yaml'))
  .sort()
  .map((file) => parse(readFileSync(path.join(entriesDir, file), 'utf8')) as RawEntry);

const leichteSprache = (entry: RawEntry) => {
  const text = entry['de-x-ls'];
  if (typeof text?.question !== 'string' || typeof text.answer !== 'string') {
    throw new Error(`${entry.id}: no de-x-ls block with question and answer`);
  }
  return { question: text.question, answer: text.answer };
};

const emailAddresses = (text: string) => new Set(text.match(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g) ?? []);
const numbers = (text: string) => new Set(text.match(/\d+/g) ?? []);

describe('the Leichte Sprache texts of the knowledge base', () => {
  it('cover every entry', () => {
    expect(entries.length).toBeGreaterThanOrEqual(26);
    expect(entries.filter((entry) => entry['de-x-ls'] === undefined).map((entry) => entry.id)).toEqual([]);
  });

  describe.each(entries.map((entry) => [entry.id, entry] as const))('entry %s', (id, entry) => {
    it('has a question and an answer that pass every Leichte Sprache rule', () => {
      const { question, answer } = leichteSprache(entry);
      // Checked as one text: the widget shows the question above the answer, so a hard word in
      // the question ("Phishing") is explained in the answer.
      const violations = checkLeichteSprache(`${question}\n\n${answer}`).map(
        (violation) => `${id} ${violation.rule}: "${violation.sentence}" – ${violation.message}`,
      );
      expect(violations).toEqual([]);
    });

    it('marks general advice exactly when the entry has a general-guidance source', () => {
      const hasGuidance = (entry.sources ?? []).some((source) => source.kind === 'general-guidance');
      expect(generalAdviceMarkers.de.test(leichteSprache(entry).answer)).toBe(hasGuidance);
    });

    it('gives the same e-mail addresses as the German answer, no others', () => {
      expect(emailAddresses(leichteSprache(entry).answer)).toEqual(emailAddresses(entry.de.answer));
    });

    it('adds no number, date or article that the German answer does not give', () => {
      const german = numbers(entry.de.answer);
      expect([...numbers(leichteSprache(entry).answer)].filter((number) => !german.has(number))).toEqual([]);
    });
  });
});
