import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultKnowledgeDir, loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import {
  type Entry,
  type EntryInput,
  entrySchema,
  sourceSchema,
} from '../../functions/lib/knowledge/schema.ts';
import {
  generalAdviceMarkers,
  normaliseQuote,
  sourceProblems,
} from '../../functions/lib/knowledge/sources.ts';

const notice = 'Wir bitten Sie daher, E\u2011Mails und deren Anhänge\n auf Plausibilität zu überprüfen.';

/** A valid entry; `change` adjusts it for one case. */
function setup(change: Partial<EntryInput> = {}): Entry {
  return entrySchema.parse({
    id: 'example',
    kind: 'faq',
    sources: [{ kind: 'notice', quote: 'E-Mails und deren Anhänge auf Plausibilität zu überprüfen' }],
    de: { question: 'Frage?', answer: 'Prüfen Sie E-Mails auf Plausibilität.' },
    en: { question: 'Question?', answer: 'Check e-mails for plausibility.' },
    ...change,
  });
}

const fields = (entry: Entry, text = notice) => sourceProblems(entry, text).map((problem) => problem.field);

describe('the source kinds', () => {
  const valid = [
    { kind: 'notice', quote: 'Der Server wurde vollständig neu aufgesetzt' },
    {
      kind: 'public-record',
      publisher: 'Microsoft Security Response Center (MSRC)',
      title: 'Multiple Security Updates Released for Exchange Server',
      date: '2021-03-02',
      url: 'https://msrc-blog.microsoft.com/2021/03/02/multiple-security-updates-released-for-exchange-server/',
    },
    { kind: 'law', article: 'Art. 15 DSGVO', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
    { kind: 'general-guidance', note: 'Passwörter nie per E-Mail weitergeben.' },
    { kind: 'product', note: 'Der Chat leitet Fragen an die Datenschutzbeauftragte weiter.' },
  ];
  it.each(valid)('accepts a $kind source', (source) => {
    expect(sourceSchema.safeParse(source).success).toBe(true);
  });

  const invalid = [
    { name: 'an unknown kind', source: { kind: 'rumour', note: 'heard it somewhere' } },
    { name: 'a notice without a quote', source: { kind: 'notice' } },
    { name: 'a law without a link', source: { kind: 'law', article: 'Art. 15 DSGVO' } },
    { name: 'a public record over http', source: { ...valid[1], url: 'http://example.org' } },
    { name: 'a public record with a wrong date', source: { ...valid[1], date: '2. März 2021' } },
    { name: 'a misspelt field', source: { kind: 'product', note: 'x', qoute: 'y' } },
  ];
  it.each(invalid)('refuses $name', ({ source }) => {
    expect(sourceSchema.safeParse(source).success).toBe(false);
  });
});

describe('when an entry is checked against its sources', () => {
  it('passes with a notice quote that occurs in the notice', () => {
    expect(sourceProblems(setup(), notice)).toEqual([]);
  });

  it('finds a quote despite line breaks and the notice’s non-breaking hyphen', () => {
    expect(normaliseQuote(notice)).toContain(normaliseQuote('E-Mails und  deren\nAnhänge auf'));
  });

  it('reports an entry without sources', () => {
    expect(fields(setup({ sources: [] }))).toEqual(['sources']);
    expect(fields(setup({ sources: undefined }))).toEqual(['sources']);
  });

  it('reports a quote that the notice does not contain, naming the source', () => {
    const entry = setup({
      sources: [
        { kind: 'product', note: 'Der Chat.' },
        { kind: 'notice', quote: 'Es wurden keine Daten gestohlen.' },
      ],
    });
    expect(sourceProblems(entry, notice)).toEqual([
      { field: 'sources.1.quote', message: expect.stringMatching(/does not occur in the notice/) },
    ]);
  });

  it('reports notice quotes when the settings name no notice', () => {
    expect(sourceProblems(setup(), undefined).map((problem) => problem.field)).toEqual(['sources.0.quote']);
  });

  it('requires needsReview or a recorded review for legal statements', () => {
    const law = {
      kind: 'law' as const,
      article: 'Art. 15 DSGVO',
      url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
    };
    expect(fields(setup({ sources: [law] }))).toEqual(['needsReview']);
    expect(fields(setup({ sources: [law], needsReview: true }))).toEqual([]);
    expect(
      fields(setup({ sources: [law], legalReview: { by: 'Bettina Amon', date: '2021-05-10' } })),
    ).toEqual([]);
  });

  it('requires general advice to be marked in both languages, and marked advice to have a source', () => {
    const guidance = { kind: 'general-guidance' as const, note: 'Passwort ändern.' };
    expect(fields(setup({ sources: [guidance] }))).toEqual(['de.answer', 'en.answer']);
    const marked = setup({
      sources: [guidance],
      de: { question: 'Frage?', answer: 'Ändern Sie das Passwort (allgemeiner Hinweis).' },
      en: { question: 'Question?', answer: 'Change the password (general advice).' },
    });
    expect(fields(marked)).toEqual([]);
    expect(fields({ ...marked, sources: [{ kind: 'product', note: 'x' }] })).toEqual([
      'de.answer',
      'en.answer',
    ]);
  });

  it('keeps needsReview and legalReview optional in the schema (entries stored before stay valid)', () => {
    const entry = setup();
    expect(entry.needsReview).toBeUndefined();
    expect(entrySchema.safeParse({ ...entry, sources: undefined }).success).toBe(true);
    expect(entrySchema.safeParse({ ...entry, needsReview: 'yes' }).success).toBe(false);
  });
});

describe('the shipped knowledge base', () => {
  async function shipped() {
    const report = await loadKnowledgeDir();
    const settings = report.settings;
    if (!settings?.notice) throw new Error('settings.yaml names no notice');
    const text = await readFile(path.join(defaultKnowledgeDir, settings.notice.file), 'utf8');
    return { entries: report.entries, notice: normaliseQuote(text), settings };
  }

  it('ships the notice the settings name, dated as the settings say', async () => {
    const { settings, notice: text } = await shipped();
    const [year, month, day] = (settings.notice?.date ?? '').split('-');
    expect(text.startsWith(`${day}.${month}.${year}`)).toBe(true);
    expect(text).toContain('Für Rückfragen steht Ihnen unsere Datenschutzbeauftragte');
  });

  it('gives every entry at least one source', async () => {
    const { entries } = await shipped();
    expect(entries.filter((entry) => !entry.sources?.length).map((entry) => entry.id)).toEqual([]);
  });

  it('quotes the notice only with passages that occur in it', async () => {
    const { entries, notice: text } = await shipped();
    const missing = entries.flatMap((entry) =>
      (entry.sources ?? [])
        .filter((source) => source.kind === 'notice' && !text.includes(normaliseQuote(source.quote)))
        .map((source) => `${entry.id}: ${source.kind === 'notice' ? source.quote : ''}`),
    );
    expect(missing).toEqual([]);
  });

  it('marks general advice exactly where a general-guidance source backs it', async () => {
    const { entries } = await shipped();
    for (const entry of entries) {
      const hasGuidance = (entry.sources ?? []).some((source) => source.kind === 'general-guidance');
      for (const locale of ['de', 'en'] as const) {
        expect(generalAdviceMarkers[locale].test(entry[locale].answer), `${entry.id} ${locale}`).toBe(
          hasGuidance,
        );
      }
    }
  });

  it('flags every legal statement for the DPO or records the review', async () => {
    const { entries } = await shipped();
    const legal = entries.filter((entry) => (entry.sources ?? []).some((source) => source.kind === 'law'));
    expect(legal.map((entry) => entry.id)).toContain('gdpr-rights');
    for (const entry of legal) expect(entry.needsReview || entry.legalReview, entry.id).toBeTruthy();
  });

  it('names the town as the notice does, in plain words: "Strasburg (Uckermark)", a town, never a city', async () => {
    const { entries, settings } = await shipped();
    for (const entry of entries) {
      for (const locale of ['de', 'en'] as const) {
        expect(entry[locale].answer, `${entry.id} ${locale}`).not.toContain('(Um.)');
      }
      expect(entry.en.answer, entry.id).not.toMatch(/\bcit(y|ies)\b/i);
    }
    expect(JSON.stringify(settings.texts)).not.toMatch(/\bcity\b|\(Um\.\)/i);
    expect(settings.contact.organisation).toBe('Stadt Strasburg (Uckermark)');
  });

  it('states no account on the town’s mail server and no disclosure date without a public record', async () => {
    const { entries } = await shipped();
    const passwords = entries.find((entry) => entry.id === 'passwords');
    expect(passwords?.de.answer).not.toMatch(/kein Konto/i);
    expect(passwords?.en.answer).not.toMatch(/no account/i);
    for (const entry of entries) {
      const mentionsMarch = /März 2021|March 2021/.test(entry.de.answer + entry.en.answer);
      const hasRecord = (entry.sources ?? []).some((source) => source.kind === 'public-record');
      if (mentionsMarch) expect(hasRecord, entry.id).toBe(true);
    }
  });
});
