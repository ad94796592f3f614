import { describe, expect, it } from 'vitest';
import { forgetTexts, memo, memoFor } from '../../functions/lib/memo.ts';

describe('remembered results', () => {
  it('computes a result once and returns it again', () => {
    const cache = new Map<string, number>();
    let calls = 0;
    const compute = () => ++calls;
    expect(memo(cache, 'a', compute)).toBe(1);
    expect(memo(cache, 'a', compute)).toBe(1);
    expect(calls).toBe(1);
  });

  it('clears a cache at its bound instead of growing it without end', () => {
    const cache = new Map<string, string>();
    for (const key of ['a', 'b', 'c']) memo(cache, key, () => key, 2);
    expect([...cache.keys()]).toEqual(['c']);
  });

  it('forgets the results per text, and only those, so a bench can measure each matcher on unseen questions', () => {
    const owner = {};
    const perOwner = new WeakMap<object, Map<string, number>>();
    const words = new Map<string, number>();
    let calls = 0;
    memoFor(perOwner, owner, 'Bin ich betroffen?', () => ++calls);
    memo(words, 'betroffen', () => 7);
    forgetTexts();
    expect(memoFor(perOwner, owner, 'Bin ich betroffen?', () => ++calls)).toBe(2);
    expect(words.get('betroffen')).toBe(7);
  });
});
