import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import {
  analyze,
  buildSynonyms,
  foldText,
  type SynonymTable,
  stem,
} from '../../functions/lib/matcher/normalize.ts';

// The dialect and chat forms are language data in the shipped settings (`synonyms`).
const shipped: { de: SynonymTable; en: SynonymTable } = { de: new Map(), en: new Map() };
beforeAll(async () => {
  const { settings } = await loadKnowledgeDir();
  if (!settings) throw new Error('settings missing');
  shipped.de = buildSynonyms(settings.synonyms.de ?? {}, 'de');
  shipped.en = buildSynonyms(settings.synonyms.en ?? {}, 'en');
});

describe('normalisation', () => {
  it.each([
    ['Löschen', 'Loeschen'],
    ['Passwörter ändern', 'Passwoerter aendern'],
    ['Straße', 'Strasse'],
    ['Phishing-Mails', 'phishing mails'],
    ['E-MAIL!!!', 'email'],
    ['ＷＥＢＭＡＩＬ', 'webmail'],
  ])('treats "%s" and "%s" alike', (a, b) => {
    expect(analyze(a, 'de')).toEqual(analyze(b, 'de'));
  });

  it('folds case and Unicode compatibility forms', () => {
    expect(foldText('ＡＢＣ Ä')).toBe('abc ä');
  });

  it('drops German and English stop words but keeps question words', () => {
    expect(analyze('Wann ist das denn passiert?', 'de')).toEqual(['wann', stem('passiert', 'de')]);
    expect(analyze('When did it happen?', 'en')).toEqual(['when', stem('happen', 'en')]);
  });

  it('standardises dialect and chat forms, folded so they meet their stop words', () => {
    const { de, en } = shipped;
    // "fia" (für), "nüscht" (nichts), "kenna" (können): standard words with umlauts are stop words too
    expect(analyze('Vllt ham die fia uns nüscht jeklaut', 'de', de)).toEqual(analyze('geklaut', 'de', de));
    expect(analyze('Kenna mia dem Server no traun?', 'de', de)).toEqual(analyze('Server trauen', 'de', de));
    expect(analyze('Ghackt is er, der Server', 'de', de)).toEqual(analyze('gehackt Server', 'de', de));
    // "didn't" splits into "didn" + "t": the half is a function word, not an unknown topic
    expect(analyze("idk, ppl say it didn't happen rn", 'en', en)).toEqual(
      analyze('know people say happen now', 'en', en),
    );
  });

  it('reads a form of the settings before stop words, without inflections', () => {
    const forms = buildSynonyms({ dat: 'das', lol: '', '=kieken': 'schauen' }, 'de');
    expect(analyze('Is dat lol', 'de', forms)).toEqual(analyze('Is das', 'de'));
    // "dat" stands for "das": "Daten" is no inflection of it
    expect(analyze('Daten', 'de', forms)).toEqual([stem('daten', 'de')]);
    // "=" marks a form that stands for more than function words
    expect(analyze('kieken', 'de', forms)).toEqual(analyze('schauen', 'de'));
  });

  it('keeps the "ge" of words that are no participles ("Geschäftsdaten", "geltend")', () => {
    expect(stem('geschaftsdaten', 'de')).toMatch(/^geschaft/);
    expect(stem('geltend', 'de')).toMatch(/^gelt/);
    // a participle still loses it
    expect(stem('gestohlen', 'de')).toBe('stohl');
  });

  it('stems inflected forms to one term', () => {
    expect(stem('Angriffe'.toLowerCase(), 'de')).toBe(stem('angriff', 'de'));
    expect(stem('passwords', 'en')).toBe(stem('password', 'en'));
    expect(stem('informiert', 'de')).toBe(stem('informieren', 'de'));
  });

  it('replaces synonyms from the settings before stemming', () => {
    const synonyms = buildSynonyms({ geklaut: 'gestohlen', webmail: 'outlook web app' }, 'de');
    expect(analyze('Geklaut?', 'de', synonyms)).toEqual(analyze('gestohlen', 'de'));
    expect(analyze('Webmail', 'de', synonyms)).toEqual(analyze('Outlook Web App', 'de'));
  });

  it('reads a replacement that is a synonym itself one step on, whatever the order of the pairs', () => {
    // "klauer" -> "dieb" while "dieb" -> "angreifer": the index holds only "angreifer" (round 22).
    const twoSteps = buildSynonyms({ klauer: 'dieb', dieb: 'angreifer' }, 'de');
    expect(analyze('Klauer', 'de', twoSteps)).toEqual(analyze('Angreifer', 'de'));
    // One step from the pairs as written, so their order does not matter (a longer chain is a
    // mistake in the settings, read the same way every time) and a cycle comes back, not round.
    const chain = { klauer: 'dieb', dieb: 'räuber', räuber: 'angreifer' };
    const reversed = { räuber: 'angreifer', dieb: 'räuber', klauer: 'dieb' };
    expect(analyze('Klauer', 'de', buildSynonyms(chain, 'de'))).toEqual(analyze('Räuber', 'de'));
    expect(analyze('Klauer', 'de', buildSynonyms(reversed, 'de'))).toEqual(analyze('Räuber', 'de'));
    const cycle = buildSynonyms({ hacker: 'angreifer', angreifer: 'hacker' }, 'de');
    expect(analyze('Hacker', 'de', cycle)).toEqual(analyze('Hacker', 'de'));
  });

  it('replaces the phrases of the settings before reading the words, and none without them', () => {
    const phrased = buildSynonyms({}, 'en', [[String.raw`\bget hold of\b`, 'contact']]);
    expect(analyze('How do I get hold of the DPO?', 'en', phrased)).toEqual(
      analyze('How do I contact the DPO?', 'en'),
    );
    expect(analyze('How do I get hold of the DPO?', 'en')).toContain(stem('hold', 'en'));
  });

  it('builds one table for equal settings, read anew or not, and another when they differ', () => {
    // The publish gate and every reload read the settings anew: an equal table lets the index
    // reuse its analysed phrasings (a rebuild with one entry changed analyses only that entry).
    const pairs = () => ({ geklaut: 'gestohlen', dat: 'das' });
    const rules = (): [string, string][] => [[String.raw`\bget hold of\b`, 'contact']];
    expect(buildSynonyms(pairs(), 'de', rules())).toBe(buildSynonyms(pairs(), 'de', rules()));
    expect(buildSynonyms(pairs(), 'de', rules())).not.toBe(buildSynonyms(pairs(), 'de'));
    expect(buildSynonyms(pairs(), 'de')).not.toBe(buildSynonyms({ ...pairs(), futsch: 'weg' }, 'de'));
    expect(buildSynonyms(pairs(), 'de')).not.toBe(buildSynonyms(pairs(), 'en'));
  });

  it('keeps its tables when the module is evaluated again (the test runner does so per file)', async () => {
    const pairs = { jeklaut: 'gestohlen' };
    const first = buildSynonyms(pairs, 'de');
    vi.resetModules();
    const again = await import('../../functions/lib/matcher/normalize.ts');
    expect(again.buildSynonyms).not.toBe(buildSynonyms);
    expect(again.buildSynonyms({ ...pairs }, 'de')).toBe(first);
  });

  it('returns no terms for punctuation only', () => {
    expect(analyze('?!… –', 'de')).toEqual([]);
  });

  it('keeps the words of a message made only of stop words ("Bis dann": they are all it says)', () => {
    expect(analyze('Bis dann!', 'de')).toEqual(['bis', 'dann']);
    expect(analyze('Mit Vorfall und Stadt', 'de')).not.toContain('und');
  });
});
