import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The phrase rules are language, the same for every town: the `kb init` template carries the
 * shipped rules unchanged, so another town starts with every rule the matcher was measured with
 * (round 14's last rules and its faster look-behinds had not reached the template).
 */
const root = path.resolve(import.meta.dirname, '../..');
const phrasesOf = (file: string) =>
  (parse(readFileSync(path.join(root, file), 'utf8')) as { phrases?: Record<string, [string, string][]> })
    .phrases;

describe('the phrase rules of the template for another town', () => {
  it('are the shipped rules, and name no town', () => {
    const shipped = phrasesOf('knowledge/settings.yaml');
    expect(phrasesOf('templates/incident/settings.yaml')).toEqual(shipped);
    expect(JSON.stringify(shipped).toLowerCase()).not.toContain('strasburg');
  });
});

const matcherListOf = (file: string, list: 'neverSaid' | 'instructions') =>
  (parse(readFileSync(path.join(root, file), 'utf8')) as { matcher?: Record<typeof list, string[]> })
    .matcher?.[list];

describe('the rules of the template for another town on what the notice never says and on instructions', () => {
  it.each([
    ['neverSaid', 20],
    ['instructions', 15],
  ] as const)('%s are the shipped rules, and name no town', (list, least) => {
    const shipped = matcherListOf('knowledge/settings.yaml', list);
    expect(shipped?.length).toBeGreaterThan(least);
    expect(matcherListOf('templates/incident/settings.yaml', list)).toEqual(shipped);
    expect(JSON.stringify(shipped).toLowerCase()).not.toContain('strasburg');
  });
});
