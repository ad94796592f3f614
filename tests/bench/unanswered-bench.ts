// The unanswered report over 100,000 stored asks: how many items the store keeps (one per
// distinct normalised question), and how long the report takes (top N + grouping through the
// term index), next to grouping ALL distinct items and the old all-pairs grouping on a sample.
import { readEvalFile } from '../../functions/lib/knowledge/files.ts';
import { analysisOfTag, type Locale } from '../../functions/lib/knowledge/locales.ts';
import { analyze } from '../../functions/lib/matcher/normalize.ts';
import { anonymise } from '../../functions/lib/unanswered/anonymise.ts';
import {
  groupQuestions,
  similar,
  topQuestions,
  type UnansweredItem,
  unansweredKey,
} from '../../functions/lib/unanswered/report.ts';

export interface UnansweredBench {
  asks: number;
  storedItems: number;
  reportSize: number;
  reportMs: number;
  groups: number;
  groupAllMs: number;
  allPairsSample: number;
  allPairsMs: number;
}

/** A deterministic pseudo-random generator (the bench must be repeatable). */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const fillers = ['bitte', 'dringend', 'heute', 'nochmal', 'eigentlich', 'genau', 'wirklich', 'schon'];
const topics = [
  'Steuerakte',
  'Bauantrag',
  'Hundesteuer',
  'Kita',
  'Wohngeld',
  'Meldeamt',
  'Friedhof',
  'Parkausweis',
];

export async function benchUnanswered(asks = 100_000, reportSize = 500): Promise<UnansweredBench> {
  const dev = await readEvalFile('knowledge/eval/dev.jsonl');
  const base = dev.map((item) => ({ question: item.question, locale: (item.locale ?? 'de') as Locale }));
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  // What the store does per ask: one key per normalised question, a counter, a last-seen time.
  const stored = new Map<string, UnansweredItem>();
  const start = Date.parse('2026-05-01T00:00:00Z');
  for (let i = 0; i < asks; i++) {
    const { question, locale } = pick(base);
    // A third are repeats, the rest vary by topic, filler word and a typo-like number.
    const text = next() < 0.33 ? question : `${question} ${pick(topics)} ${pick(topics)} ${pick(fillers)}`;
    const key = unansweredKey(text, locale);
    const at = new Date(start + i * 6000).toISOString();
    const item = stored.get(key);
    if (item) {
      item.count = (item.count ?? 1) + 1;
      item.at = at;
    } else
      stored.set(key, {
        sk: key,
        text: anonymise(text),
        locale,
        status: 'none',
        at,
        firstSeen: at,
        count: 1,
        expiresAt: 0,
      });
  }
  const items = [...stored.values()];

  let started = performance.now();
  const groups = groupQuestions(topQuestions(items, reportSize));
  const reportMs = performance.now() - started;

  started = performance.now();
  groupQuestions(items);
  const groupAllMs = performance.now() - started;

  // The old grouping compared every pair: timed on a sample, it grows with the square.
  const sample = items.slice(0, 4000);
  started = performance.now();
  const terms = sample.map((item) => new Set(analyze(item.text, analysisOfTag(item.locale))));
  let links = 0;
  for (let a = 0; a < terms.length; a++)
    for (let b = a + 1; b < terms.length; b++)
      if (similar(terms[a] ?? new Set(), terms[b] ?? new Set())) links++;
  const allPairsMs = performance.now() - started + links * 0;

  return {
    asks,
    storedItems: items.length,
    reportSize,
    reportMs,
    groups: groups.length,
    groupAllMs,
    allPairsSample: sample.length,
    allPairsMs,
  };
}
