export interface ReadabilityViolation {
  rule: string;
  sentence: string;
  message: string;
}
/** Checks a Markdown text against the Leichte Sprache rules; empty when it passes. */
export function checkLeichteSprache(_markdown: string): ReadabilityViolation[] {
  // Stub: the lstexts branch replaces this file with the real rule set at merge.
  return [];
}
