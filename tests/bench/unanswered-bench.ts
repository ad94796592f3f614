// The unanswered report over 100,000 distinct stored questions (generated from templates, see
// unanswered-questions.ts; asked about 120,000 times): how many items the store keeps (one per
// distinct normalised question), and how long the report takes (top N + grouping through the
// term index), next to grouping ALL distinct items and the old all-pairs grouping on a sample.
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
import { question, seeded } from './unanswered-questions.ts';

export interface UnansweredBench {
  asks: number;
  /** Distinct normalised questions among the asks (the store keeps one item per such question). */
  distinct: number;
  /** Questions the generator produced to reach them (the rest normalised to a stored one). */
  generated: number;
  storedItems: number;
  reportSize: number;
  reportMs: number;
  groups: number;
  groupAllMs: number;
  allPairsSample: number;
  allPairsMs: number;
}

export async function benchUnanswered(distinct = 100_000, reportSize = 500): Promise<UnansweredBench> {
  const random = seeded(42);
  // What the store does per ask: one key per normalised question, a counter, a last-seen time.
  // Every generated question is new until `distinct` keys are stored; in between, one ask in
  // five repeats an earlier question, the popular ones (the first asked) more often.
  const stored = new Map<string, UnansweredItem>();
  const keys: string[] = [];
  const start = Date.parse('2026-05-01T00:00:00Z');
  let asks = 0;
  let generated = 0;
  const record = (key: string, text: string, locale: Locale) => {
    const at = new Date(start + asks++ * 6000).toISOString();
    const item = stored.get(key);
    if (item) {
      item.count = (item.count ?? 1) + 1;
      item.at = at;
      return;
    }
    keys.push(key);
    stored.set(key, { sk: key, text, locale, status: 'none', at, firstSeen: at, count: 1, expiresAt: 0 });
  };
  while (stored.size < distinct) {
    if (++generated > distinct * 5) throw new Error(`only ${stored.size} distinct questions generated`);
    const { question: text, locale } = question(random);
    const key = unansweredKey(text, locale);
    if (stored.has(key)) continue; // a duplicate of the generator, not an ask
    record(key, anonymise(text), locale);
    if (random() < 0.2) {
      const again = stored.get(keys[Math.floor(keys.length * random() ** 3)] ?? key) as UnansweredItem;
      record(again.sk, again.text, again.locale);
    }
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
    distinct: stored.size,
    generated,
    storedItems: items.length,
    reportSize,
    reportMs,
    groups: groups.length,
    groupAllMs,
    allPairsSample: sample.length,
    allPairsMs,
  };
}
