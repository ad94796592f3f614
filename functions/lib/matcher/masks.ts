// What one scoring pass tallies per phrasing and per entry: sums and which question terms were
// matched, as bits. A question has up to 48 terms, more than a 32-bit integer holds (round 1's
// defect: `|` dropped every term past the 31st), so each mask is two 32-bit words: terms 0–31
// in the first, 32–63 in the second.

/** Question terms a mask holds. */
export const maskBits = 64;

/** Empty masks for `count` items (phrasings or entries). */
export const emptyMasks = (count: number): Int32Array => new Int32Array(count * 2);

/** Sets term `bit` in the mask of `item`. */
export function setBit(masks: Int32Array, item: number, bit: number): void {
  const word = item * 2 + (bit >>> 5);
  masks[word] = (masks[word] ?? 0) | (1 << (bit & 31));
}

/** Whether term `bit` is set in the mask of `item`. */
export function hasBit(masks: Int32Array, item: number, bit: number): boolean {
  return (((masks[item * 2 + (bit >>> 5)] ?? 0) >>> (bit & 31)) & 1) === 1;
}

/** Whether the mask of `item` holds no term. */
export const isEmpty = (masks: Int32Array, item: number): boolean =>
  masks[item * 2] === 0 && masks[item * 2 + 1] === 0;

/** Adds the terms of mask `from` in `source` to mask `item` in `target` (an entry's phrasings). */
export function addBits(target: Int32Array, item: number, source: Int32Array, from: number): void {
  target[item * 2] = (target[item * 2] ?? 0) | (source[from * 2] ?? 0);
  target[item * 2 + 1] = (target[item * 2 + 1] ?? 0) | (source[from * 2 + 1] ?? 0);
}

/**
 * Sums and masks of one scoring pass for `count` items, in typed arrays that the index keeps
 * from one question to the next: a Map with a record per covered phrasing was a third of a
 * question's time at 2,000 entries. `touched` holds the items of the current pass in the order
 * they were first touched (its first `size`; an array that grew anew with every question was a
 * tenth of what one allocated); `reset` clears only those.
 */
export class Tally {
  readonly first: Float64Array;
  readonly second: Float64Array;
  readonly masks: Int32Array;
  readonly touched: Int32Array;
  size = 0;

  constructor(count: number) {
    this.first = new Float64Array(count);
    this.second = new Float64Array(count);
    this.masks = emptyMasks(count);
    this.touched = new Int32Array(count);
  }

  /** Lists an item as touched in this pass (once: when its mask is still empty). */
  touch(item: number): void {
    this.touched[this.size++] = item;
  }

  /** Clears what the previous pass left (done at the start of a pass: an exception cannot leave stale sums). */
  reset(): this {
    for (let at = 0; at < this.size; at++) {
      const item = this.touched[at] ?? 0;
      this.first[item] = 0;
      this.second[item] = 0;
      this.masks[item * 2] = 0;
      this.masks[item * 2 + 1] = 0;
    }
    this.size = 0;
    return this;
  }
}
