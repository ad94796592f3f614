import { scoring as tuning } from './config.ts';

/** Which misspellings the matcher corrects: slips of a knowledge-base word, not other words. */

/**
 * Real words one letter away from a word of the knowledge base, with another meaning: never a
 * typo ("passport" ~ "passwort"). Kept short; the edit rule below covers the general case.
 */
export const realWords: ReadonlySet<string> = new Set([
  'passport',
  'passports',
  'pass',
  'handy',
  'handys',
  'fine',
]);

/**
 * Whether `word` can be a slip of `known`: one edit, or two in a longer word, but not two
 * letters replaced in place: that is another word of the language ("passport" is not
 * "password"), while a dropped plus a swapped letter ("pasword" ~ "passwort") is a slip.
 */
export function plausibleTypo(word: string, known: string): boolean {
  if (realWords.has(word)) return false;
  const distance = editDistance(word, known);
  if (distance <= 1) return true;
  if (distance > 2 || word.length < tuning.longWordEdits) return false;
  if (word.length !== known.length) return true;
  let replaced = 0;
  for (let index = 0; index < word.length; index++) if (word[index] !== known[index]) replaced++;
  return replaced !== 2;
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, (before[j - 2] ?? 0) + 1);
      current.push(distance);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}
