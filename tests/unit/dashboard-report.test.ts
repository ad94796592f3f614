import { describe, expect, it } from 'vitest';
import { answerTimeBucket } from '../../functions/lib/dashboard/counters.ts';
import { answerTimesOf, rangeHours, townDay } from '../../functions/lib/dashboard/report.ts';

describe('dashboard time to answer', () => {
  it('when minutes fall on a bound › count in that bucket; beyond a week › the open bucket', () => {
    expect(answerTimeBucket(0)).toBe('15');
    expect(answerTimeBucket(15)).toBe('15');
    expect(answerTimeBucket(15.01)).toBe('30');
    expect(answerTimeBucket(10_080)).toBe('10080');
    expect(answerTimeBucket(10_081)).toBe('more');
  });

  it('when answers are spread over buckets › the median is the bucket of the middle answer', () => {
    // 1 within 15 min, 1 within 1 h, 3 within 1 day: the 3rd of 5 is in the 1-day bucket.
    const odd = answerTimesOf(
      new Map([
        ['15', 1],
        ['60', 1],
        ['1440', 3],
      ]),
    );
    expect(odd.answered).toBe(5);
    expect(odd.median).toEqual({ upToMinutes: 1440 });
    // Even count: the lower middle (2nd of 4) decides.
    expect(
      answerTimesOf(
        new Map([
          ['15', 2],
          ['more', 2],
        ]),
      ).median,
    ).toEqual({ upToMinutes: 15 });
    expect(
      answerTimesOf(
        new Map([
          ['15', 1],
          ['more', 2],
        ]),
      ).median,
    ).toEqual({ upToMinutes: null });
  });

  it('when nothing was answered › there is no median', () => {
    const none = answerTimesOf(new Map());
    expect(none.answered).toBe(0);
    expect(none.median).toBeUndefined();
    expect(none.buckets.every((bucket) => bucket.count === 0)).toBe(true);
  });
});

describe('dashboard ranges', () => {
  it('when the range is 24h › the current hour and the 23 before it', () => {
    const hours = rangeHours('24h', new Date('2026-05-04T09:41:00Z'));
    expect(hours).toHaveLength(24);
    expect(hours[0]?.toISOString()).toBe('2026-05-03T10:00:00.000Z');
    expect(hours[23]?.toISOString()).toBe('2026-05-04T09:00:00.000Z');
  });

  it('when the range is 7d › whole town days from midnight in Strasburg, today included', () => {
    const hours = rangeHours('7d', new Date('2026-05-04T09:41:00Z'));
    // Midnight in Berlin (summer time) is 22:00 UTC the day before.
    expect(hours[0]?.toISOString()).toBe('2026-04-27T22:00:00.000Z');
    expect(new Set(hours.map(townDay)).size).toBe(7);
    expect(hours.at(-1)?.toISOString()).toBe('2026-05-04T09:00:00.000Z');
  });

  it('when the range spans the change to summer time › that day has 23 hours and none is lost', () => {
    const hours = rangeHours('7d', new Date('2026-03-31T21:59:00Z'));
    const perDay = new Map<string, number>();
    for (const hour of hours) perDay.set(townDay(hour), (perDay.get(townDay(hour)) ?? 0) + 1);
    expect(perDay.get('2026-03-29')).toBe(23);
    expect(perDay.get('2026-03-31')).toBe(24);
    expect([...perDay.keys()]).toEqual([
      '2026-03-25',
      '2026-03-26',
      '2026-03-27',
      '2026-03-28',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
  });
});
