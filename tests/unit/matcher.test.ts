import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../functions/lib/ask/ask.ts';
import { evaluate, selfTestCases } from '../../functions/lib/knowledge/evaluate.ts';
import { loadKnowledgeDir, readEvalFile } from '../../functions/lib/knowledge/files.ts';
import type { KnowledgeSnapshot } from '../../functions/lib/knowledge/schema.ts';
import { createMatcher, type Matcher } from '../../functions/lib/matcher/matcher.ts';

let snapshot: KnowledgeSnapshot;
let matcher: Matcher;

beforeAll(async () => {
  const report = await loadKnowledgeDir();
  if (!report.settings) throw new Error('settings missing');
  snapshot = { version: 1, settings: report.settings, entries: report.entries };
  matcher = createMatcher(snapshot.entries, snapshot.settings);
});

const askDefault = (question: string, locale?: 'de' | 'en') => ask({ snapshot, matcher }, question, locale);

describe('when a citizen asks something the knowledge base answers', () => {
  it.each([
    ['Warum ist Outlook Web App abgeschaltet?', 'outlook-web-app', 'de'],
    ['Muss ich mein Passwort ändern?', 'passwords', 'de'],
    ['Should I change my password?', 'passwords', 'en'],
    ['Wer ist die Datenschutzbeauftragte?', 'contact-dpo', 'de'],
  ])('answers "%s" with %s in %s', (question, entryId, locale) => {
    const response = askDefault(question);
    expect(response).toMatchObject({ status: 'answer', locale, answer: { entryId } });
    expect(response.confidence).toBeGreaterThanOrEqual(snapshot.settings.matcher.answerThreshold);
    expect(response.answer?.reviewedAt).toBe('2021-05-04');
    expect(response.offerEscalation).toBe(false);
  });

  it('tolerates typos', () => {
    expect(askDefault('Muss ich mein Pasword ändern?').answer?.entryId).toBe('passwords');
    expect(askDefault('Warum ist Outlok abgeschaltet?').answer?.entryId).toBe('outlook-web-app');
    expect(askDefault('Was wurde gegen den Angrif getan?').answer?.entryId).toBe('measures-taken');
    expect(askDefault('Wie erkene ich Phishing?').answer?.entryId).toBe('recognize-phishing');
  });

  it('finds words inside German compounds', () => {
    expect(askDefault('Hackerangriff auf die Stadt?').status).not.toBe('none');
  });

  it('offers the related entries as follow-up questions in the same language', () => {
    const response = askDefault('What happened?');
    expect(response.answer?.related.length).toBeGreaterThan(0);
    expect(response.answer?.related[0]?.question).toMatch(/\?$/);
  });
});

describe('when a citizen makes small talk', () => {
  it.each([
    ['Hallo', 'greeting'],
    ['Danke schön', 'thanks'],
    ['Tschüss', 'goodbye'],
    ['Bist du ein Roboter?', 'bot-identity'],
    ['Hello', 'greeting'],
  ])('answers "%s" with %s', (question, entryId) => {
    expect(askDefault(question).answer?.entryId).toBe(entryId);
  });
});

describe('when a citizen asks for a person', () => {
  it('answers with ask-human and offers the escalation form', () => {
    const response = askDefault('Ich möchte meine Frage an einen Menschen richten');
    expect(response.answer?.entryId).toBe('ask-human');
    expect(response.offerEscalation).toBe(true);
  });
});

describe('when the question is near several entries', () => {
  it('suggests up to three entries and offers escalation', () => {
    const response = askDefault('Stadt');
    expect(response.status).toBe('suggest');
    expect(response.suggestions.length).toBeGreaterThan(0);
    expect(response.suggestions.length).toBeLessThanOrEqual(3);
    expect(response.offerEscalation).toBe(true);
    expect(response.message).toBe(snapshot.settings.texts.de.suggest);
  });
});

describe('when the question is out of scope', () => {
  it.each([
    'Wo bekomme ich einen Anwohnerparkausweis?',
    'What is the weather tomorrow?',
    'xyzzy plugh',
    '???',
  ])('does not answer "%s" and offers escalation', (question) => {
    const response = askDefault(question);
    expect(response.status).not.toBe('answer');
    expect(response.offerEscalation).toBe(true);
  });
});

describe('language detection', () => {
  it.each([
    ['Was ist passiert?', 'de'],
    ['What happened?', 'en'],
    ['Wurden meine Daten gestohlen?', 'de'],
    ['Was my data stolen?', 'en'],
    ['Übergriff', 'de'],
  ])('detects "%s" as %s', (question, locale) => {
    expect(matcher.detectLanguage(question)).toBe(locale);
  });

  it('answers in the detected language when none is given', () => {
    expect(askDefault('Who can I contact?').locale).toBe('en');
    expect(askDefault('Wen kann ich kontaktieren?').locale).toBe('de');
  });

  it('answers in the requested language when one is given', () => {
    const response = askDefault('Phishing', 'en');
    expect(response.locale).toBe('en');
  });
});

describe('evaluation', () => {
  it('keeps the dev set at accuracy >= 0.95 and false-answer rate <= 0.05', async () => {
    const report = evaluate(matcher, await readEvalFile('knowledge/eval/dev.jsonl'));
    expect(report.inScope.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(report.outOfScope.falseAnswerRate).toBeLessThanOrEqual(0.05);
  });

  it('generalises to a second hand-written set (knowledge/eval/extra.jsonl)', async () => {
    const report = evaluate(matcher, await readEvalFile('knowledge/eval/extra.jsonl'));
    expect(report.inScope.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.outOfScope.falseAnswers).toBe(0);
  });

  it('answers none of the out-of-scope regression questions', async () => {
    const report = evaluate(matcher, await readEvalFile('knowledge/eval/out-of-scope.jsonl'));
    expect(report.outOfScope.falseAnswerRate).toBeLessThanOrEqual(0.05);
  });

  it('counts an out-of-scope question answered with an entry the line accepts as no false answer', () => {
    const cases = [
      { question: 'Was it the Hafnium group?', expected: null, accept: ['attackers'] },
      { question: 'Who pays for the damage?', expected: null },
    ];
    const always = (id: string): Matcher => ({
      match: () => ({
        status: 'answer',
        locale: 'en',
        confidence: 0.9,
        ranked: [
          {
            entry: { ...snapshot.entries[0], id } as (typeof snapshot.entries)[number],
            score: 0.9,
            topical: true,
          },
        ],
      }),
      detectLanguage: () => 'en',
    });
    const report = evaluate(always('attackers'), cases);
    expect(report.outOfScope.falseAnswers).toBe(1);
    expect(report.failures.map((failure) => failure.question)).toEqual(['Who pays for the damage?']);
  });

  it("keeps the knowledge base's own test phrasings at accuracy >= 0.85", () => {
    const cases = selfTestCases(snapshot.entries).map(({ question, expected }) => ({ question, expected }));
    expect(evaluate(matcher, cases).inScope.accuracy).toBeGreaterThanOrEqual(0.88);
  });
});
