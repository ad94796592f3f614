// The basic build: plain fuzzy search is all the matcher asks of fuse.js, and the extended search
// (operators, logical queries) of the full build would cost the ask bundle about 7 KB.
import Fuse, { type FuseResult } from 'fuse.js/basic';

/**
 * The vocabulary's words with one first letter and one length, searched for misspellings with
 * fuse.js. A word that cannot be within fuse.js's threshold is left out before it searches:
 * fuse.js scores a match with `errors / pattern length` at least, and each error costs the
 * pattern at most one letter that the word shares, so a word sharing fewer letters cannot match.
 * The hits are fuse.js's own, in its order. On a long question against 2,000 entries fuse.js had
 * been two fifths of the time, mostly on words that never matched.
 */
export class FuzzyBucket {
  private fuse?: Fuse<string>;
  private letters?: string[];

  constructor(
    readonly words: readonly string[],
    private readonly threshold: number,
  ) {}

  /** fuse.js's best `limit` hits for `word` among the bucket's words. */
  search(word: string, limit: number): FuseResult<string>[] {
    // fuse.js compares in lower case, and splits a pattern past 32 letters into parts.
    const pattern = word.toLowerCase();
    if (pattern.length > 32) return this.over(this.words).search(word, { limit });
    this.letters ??= this.words.map((known) => sortedLetters(known.toLowerCase()));
    const letters = this.letters;
    // A word is searched in three buckets (lengths one shorter to one longer) in a row.
    if (pattern !== last.pattern) Object.assign(last, { pattern, letters: sortedLetters(pattern) });
    const own = last.letters;
    const candidates = this.words.filter(
      (_, index) =>
        (pattern.length - sharedLetters(own, letters[index] ?? '')) / pattern.length <= this.threshold,
    );
    if (candidates.length === 0) return [];
    // Fewer words keep their order, so ties (fuse.js's order of the list) fall alike.
    return this.over(candidates).search(word, { limit });
  }

  private over(words: readonly string[]): Fuse<string> {
    const options = { includeScore: true, threshold: this.threshold, minMatchCharLength: 3 };
    if (words !== this.words && words.length < this.words.length) return new Fuse(words, options);
    this.fuse ??= new Fuse(this.words, options);
    return this.fuse;
  }
}

const last = { pattern: '', letters: '' };

/** A word's UTF-16 units sorted (fuse.js compares units), for `sharedLetters`. */
const sortedLetters = (word: string): string => word.split('').sort().join('');

/** How many letters two sorted words share, counting repeats (a multiset intersection). */
function sharedLetters(a: string, b: string): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if ((a[i] ?? '') < (b[j] ?? '')) i++;
    else j++;
  }
  return shared;
}
