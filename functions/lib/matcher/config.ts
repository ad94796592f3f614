/**
 * Scoring constants of the matcher, in one frozen place (thresholds that staff may change live
 * in `knowledge/settings.yaml`). Chosen on the knowledge base's own test phrasings and an
 * out-of-scope set (`knowledge/eval/`), not on the dev evaluation set alone.
 */
export const scoring = Object.freeze({
  /** A word found only by typo tolerance counts this much of an exact match (times fuse's score). */
  fuzzyFactor: 0.85,
  /** fuse.js threshold for a misspelt word (0 exact .. 1 anything); about two typos in eight letters. */
  fuzzyThreshold: 0.35,
  /** A word found as part of a German compound ("Hackerangriff" -> "angriff"). */
  compoundFactor: 0.75,
  /** In a phrasing's score, the exponent of the question's covered share (the rest: the phrasing's). */
  queryShare: 0.5,
  /** Share of the entry-wide coverage of the question in an entry's score. */
  entryShare: 0.4,
  /** Weight of an unknown topic word, relative to the rarest known word. */
  unknown: 1,
  /** Weight of any other unknown word (verb forms, adjectives). */
  unknownOther: 0.6,
  /** Highest confidence while the question has a topic word the entry does not speak of. */
  unknownTopicCap: 0.5,
  /** Matched word weight needed for full confidence, relative to the rarest word's weight. */
  minEvidence: 0.6,
});
