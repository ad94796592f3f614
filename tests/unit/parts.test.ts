import { beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../../functions/lib/ask/ask.ts';
import { loadKnowledgeDir } from '../../functions/lib/knowledge/files.ts';
import { createMatcher, type Matcher } from '../../functions/lib/matcher/matcher.ts';
import { answerablePart } from '../../functions/lib/matcher/parts.ts';

// Round 29: two questions in one message, the later one beyond the notice. Example questions
// written for these tests (not taken from the evaluation corpora or the dev set).

describe('answerablePart', () => {
  const refusesCost = (text: string) => /\b(?:kosten|gekostet|cost)\b/i.test(text);

  it('leaves out a later question that is refused, keeping the story and the first question', () => {
    expect(
      answerablePart('Ich wohne in Strasburg. Wer war es, und was hat das gekostet?', refusesCost),
    ).toEqual({
      rest: 'Ich wohne in Strasburg. Wer war es?',
      leftOut: 'was hat das gekostet?',
    });
    expect(answerablePart('What happened to the server? And what did it cost?', refusesCost)).toEqual({
      rest: 'What happened to the server?',
      leftOut: 'what did it cost?',
    });
  });

  it('finds no answerable part when the first question is refused, short, or the only one', () => {
    // The first question is the main one; a later one often only follows from it.
    expect(answerablePart('Was hat das gekostet? Wer zahlt das?', refusesCost)).toBeUndefined();
    expect(answerablePart('Echt jetzt, oder was hat das gekostet?', refusesCost)).toBeUndefined();
    expect(answerablePart('Was hat der Angriff gekostet?', refusesCost)).toBeUndefined();
    // No question mark: a request or a statement, not two questions.
    expect(answerablePart('Sag mir wer es war und was es gekostet hat', refusesCost)).toBeUndefined();
    // The story is never left out: when it is what the rule refuses, the rest is refused too.
    expect(
      answerablePart('Die Reparatur hat viel gekostet. Wer war es? Was nun?', refusesCost),
    ).toBeUndefined();
  });
});

describe('a message with two questions, the later one beyond the notice', () => {
  let matcher: Matcher;
  beforeAll(async () => {
    const report = await loadKnowledgeDir();
    if (!report.settings) throw new Error('settings missing');
    matcher = createMatcher(report.entries, report.settings);
  });

  /** What the citizen gets: the status, the answered entry and the question left out. */
  const outcome = (question: string) => {
    const result = matcher.match(question);
    return [result.status, result.ranked[0]?.entry.id, result.leftOut];
  };

  it('answers the first question and names the other as left out', () => {
    expect(outcome('Welche Daten sind betroffen, und wie viele Menschen sind es insgesamt?')).toEqual([
      'answer',
      'affected-data',
      'wie viele Menschen sind es insgesamt?',
    ]);
    expect(outcome('Do I have to change my password? And my Gmail one too?')).toEqual([
      'answer',
      'passwords',
      'my Gmail one too?',
    ]);
    expect(outcome('Wieso ist Outlook Web App abgeschaltet? Und wann wird es wieder eingeschaltet?')).toEqual(
      ['answer', 'outlook-web-app', 'wann wird es wieder eingeschaltet?'],
    );
  });

  it('gives no answer when what is left is a greeting or thanks, or too short to ask', () => {
    expect(matcher.match('Guten Tag liebe Stadt, und was hat der Angriff gekostet?').status).toBe('none');
    expect(matcher.match('Thank you very much, and what did the attack cost?').status).toBe('none');
    expect(matcher.match('What happened, and was it ransomware?').status).toBe('none');
  });

  it('still gives no answer when the main question is the one beyond the notice', () => {
    expect(matcher.match('Was hat der Angriff gekostet, und wer war es?').status).toBe('none');
    expect(matcher.match('How many people were affected? Who were they?').status).toBe('none');
    expect(matcher.match('Was this ransomware, and what did the town do?').status).toBe('none');
  });

  it('answers the first of two questions that are not answered as a whole, when it alone is answered surely', () => {
    expect(outcome('Wer waren die Angreifer, und sitzen die schon im Gefängnis?')).toEqual([
      'answer',
      'attackers',
      'sitzen die schon im Gefängnis?',
    ]);
    expect(outcome('Is my data stolen? Also, where can I renew my parking permit?')).toEqual([
      'answer',
      'data-leaked',
      'Also, where can I renew my parking permit?',
    ]);
    // A first question answered less surely alone is no answer for the whole message: the second
    // says what it is about.
    expect(
      matcher.match('Was ist ein Patch, und wie installiere ich den auf meinem eigenen Rechner?').status,
    ).not.toBe('answer');
    expect(
      matcher.match('Who is responsible for IT at the town hall, and will they be fired?').status,
    ).not.toBe('answer');
  });

  it('leaves out nothing from a message that asks one thing', () => {
    const one = matcher.match('Welche Daten sind betroffen?');
    expect(one.leftOut).toBeUndefined();
  });
});

describe('the reply to a message answered in part', () => {
  it('carries the left-out question, the offer to forward and the note of the locale, else of its parent', async () => {
    const report = await loadKnowledgeDir();
    if (!report.settings) throw new Error('settings missing');
    const question = 'Welche Daten sind betroffen, und wie viele Menschen sind es insgesamt?';
    const knowledge = (settings: typeof report.settings) => ({
      snapshot: { version: 1, settings: settings as NonNullable<typeof settings>, entries: report.entries },
      matcher: createMatcher(report.entries, settings as NonNullable<typeof settings>),
    });
    const shipped = ask(knowledge(report.settings), question);
    expect(shipped).toMatchObject({
      status: 'answer',
      leftOut: 'wie viele Menschen sind es insgesamt?',
      offerEscalation: true,
      message: report.settings.texts.de?.partial,
    });
    // Leichte Sprache has its own note; without it, its parent's (German) one.
    expect(ask(knowledge(report.settings), question, 'de-x-ls').message).toBe(
      report.settings.texts['de-x-ls']?.partial,
    );
    const { partial: _ls, ...plainLs } = report.settings.texts['de-x-ls'] ?? { none: '', suggest: '' };
    const withoutLs = { ...report.settings, texts: { ...report.settings.texts, 'de-x-ls': plainLs } };
    expect(ask(knowledge(withoutLs), question, 'de-x-ls').message).toBe(report.settings.texts.de?.partial);
    // A knowledge base without any note still offers to forward, with no message.
    const texts = Object.fromEntries(
      Object.entries(report.settings.texts).map(([tag, block]) => {
        const { partial: _partial, ...rest } = block ?? { none: '', suggest: '' };
        return [tag, rest];
      }),
    ) as typeof report.settings.texts;
    const bare = ask(knowledge({ ...report.settings, texts }), question);
    expect(bare).toMatchObject({ status: 'answer', offerEscalation: true, leftOut: expect.any(String) });
    expect(bare.message).toBeUndefined();
  });
});
