import { describe, expect, it } from 'vitest';
import { formatDate } from '../../web/widget/reply-card.ts';

describe('the "Stand" date of an answer in the widget', () => {
  it('when the widget speaks Leichte Sprache › names the month as a word: 4. Mai 2021', () => {
    expect(formatDate('2021-05-04', 'de-x-ls')).toBe('4. Mai 2021');
    expect(formatDate('2026-11-29T16:05:00.000Z', 'de-x-ls')).toBe('29. November 2026');
  });

  it('when the widget speaks English › names the month as a word: 4 May 2021', () => {
    expect(formatDate('2021-05-04', 'en')).toBe('4 May 2021');
  });

  it('when the widget speaks plain German › keeps the familiar 04.05.2021', () => {
    expect(formatDate('2021-05-04', 'de')).toBe('04.05.2021');
  });

  it('when the date is not a date › shows the text unchanged instead of "Invalid Date"', () => {
    expect(formatDate('bald', 'de-x-ls')).toBe('bald');
  });
});
