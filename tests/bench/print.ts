import type { AnonymiseBench } from './anonymise-bench.ts';
import type { FunctionFigures } from './functions-bench.ts';
import type { MatcherBench } from './matcher-bench.ts';
import type { UnansweredBench } from './unanswered-bench.ts';

const ms = (value: number) => `${value.toFixed(value < 10 ? 3 : 1)} ms`;
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** Prints the benchmark figures as plain tables. */
export function printReport(results: Record<string, unknown>): void {
  const unanswered = results.unanswered as UnansweredBench | undefined;
  if (unanswered) {
    console.log(`\nUnanswered report over ${unanswered.asks} stored asks\n`);
    console.table({
      'stored items (one per distinct question)': { value: unanswered.storedItems },
      [`report (top ${unanswered.reportSize}, term index)`]: { value: ms(unanswered.reportMs) },
      [`grouping all ${unanswered.storedItems} items (term index)`]: { value: ms(unanswered.groupAllMs) },
      [`old all-pairs grouping, ${unanswered.allPairsSample} items`]: { value: ms(unanswered.allPairsMs) },
    });
  }
  const matcher = results.matcher as MatcherBench | undefined;
  if (matcher) {
    console.log('\nMatcher vs plain fuse.js (same run, same knowledge base)\n');
    console.table({
      'dev set: matcher': {
        accuracy: pct(matcher.dev.matcher.accuracy),
        'false answers': pct(matcher.dev.matcher.falseAnswerRate),
        p50: ms(matcher.dev.matcher.p50),
        p99: ms(matcher.dev.matcher.p99),
      },
      'dev set: plain fuse.js': {
        accuracy: pct(matcher.dev.baseline.accuracy),
        'false answers': pct(matcher.dev.baseline.falseAnswerRate),
        p50: ms(matcher.dev.baseline.p50),
        p99: ms(matcher.dev.baseline.p99),
      },
      [`${matcher.large.entries} entries: matcher`]: {
        p50: ms(matcher.large.matcher.p50),
        p99: ms(matcher.large.matcher.p99),
      },
      [`${matcher.large.entries} entries: plain fuse.js`]: {
        p50: ms(matcher.large.baseline.p50),
        p99: ms(matcher.large.baseline.p99),
      },
    });
    console.log(`index build for ${matcher.large.entries} entries: ${ms(matcher.large.buildMs)}`);
    console.log(
      `ratios: accuracy +${pct(matcher.ratios.accuracyGain)}, p99 ${matcher.ratios.devP99Speedup.toFixed(1)}x faster (dev), ${matcher.ratios.largeP99Speedup.toFixed(0)}x faster (${matcher.large.entries} entries)`,
    );
  }
  const anonymise = results.anonymise as AnonymiseBench | undefined;
  if (anonymise) {
    console.log(
      `\nanonymise (${anonymise.runs} questions with an e-mail address, up to 400 characters): p50 ${ms(anonymise.p50Ms)}, p99 ${ms(anonymise.p99Ms)}, max ${ms(anonymise.maxMs)}`,
    );
  }
  const functions = results.functions as FunctionFigures[] | undefined;
  if (functions) {
    console.log(
      '\nFunctions: bundle size and cold start (fresh Node process, first request against the embedded database)\n',
    );
    console.table(
      Object.fromEntries(
        functions.map((figures) => [
          figures.name,
          {
            'raw KB': figures.bundle.rawKb.toFixed(1),
            'gzip KB': figures.bundle.gzipKb.toFixed(1),
            'init+1st req': ms(figures.bundle.totalMs),
            'naive raw KB': figures.naive.rawKb.toFixed(1),
            'naive init+1st': ms(figures.naive.totalMs),
            'size ratio': `${figures.ratios.size.toFixed(1)}x`,
            'cold ratio': `${figures.ratios.coldStart.toFixed(1)}x`,
          },
        ]),
      ),
    );
  }
}
