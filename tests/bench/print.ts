import type { AnonymiseBench } from './anonymise-bench.ts';
import type { FunctionFigures } from './functions-bench.ts';
import type { MatcherBench } from './matcher-bench.ts';
import type { SdkBundleFigures } from './sdk-bundle-bench.ts';
import type { UnansweredBench } from './unanswered-bench.ts';

const ms = (value: number) => `${value.toFixed(value < 10 ? 3 : 1)} ms`;
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** Prints the benchmark figures as plain tables. */
export function printReport(results: Record<string, unknown>): void {
  const unanswered = results.unanswered as UnansweredBench | undefined;
  if (unanswered) {
    console.log(`\nUnanswered report over ${unanswered.asks} stored asks\n`);
    console.table({
      'distinct questions asked (normalised)': { value: unanswered.distinct },
      'questions generated to reach them': { value: unanswered.generated },
      'stored items (one per distinct question)': { value: unanswered.storedItems },
      [`report (top ${unanswered.reportSize}, term index)`]: { value: ms(unanswered.reportMs) },
      [`grouping all ${unanswered.storedItems} items (term index)`]: { value: ms(unanswered.groupAllMs) },
      [`old all-pairs grouping, ${unanswered.allPairsSample} items`]: { value: ms(unanswered.allPairsMs) },
    });
  }
  const matcher = results.matcher as MatcherBench | undefined;
  if (matcher) {
    console.log(
      `\nMatchers side by side (${matcher.date}; same knowledge base, same folding, same questions: ${matcher.heldBackQuestions} held-back corpus questions)\n`,
    );
    console.table(
      Object.fromEntries(
        matcher.rows.map((row) => [
          row.name,
          {
            answered: pct(row.heldBack.accuracy),
            'answer/1st': pct(row.heldBack.firstRate),
            'top 3': pct(row.heldBack.top3Rate),
            'false ans.': pct(row.heldBack.falseAnswerRate),
            'oos none': pct(row.heldBack.noneRate),
            'dev acc.': pct(row.dev.accuracy),
            [`p50 ${matcher.entries}`]: ms(row.small.p50),
            [`p99 ${matcher.entries}`]: ms(row.small.p99),
            [`p50 ${matcher.largeEntries}`]: ms(row.large.p50),
            [`p99 ${matcher.largeEntries}`]: ms(row.large.p99),
            [`p99 ${matcher.largeEntries} best`]: ms(row.large.p99Best),
            build: ms(row.largeBuildMs),
          },
        ]),
      ),
    );
    console.log(
      `p99 ${matcher.largeEntries} best: the p99 of each question's fastest of its rounds (the plain p99 includes this shared machine's pauses)`,
    );
    console.log('answer thresholds (libraries: calibrated on the tuning part):');
    for (const row of matcher.rows) console.log(`  ${row.name}: ${row.threshold.toFixed(3)}`);
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
  const sdk = results.sdkBundling as SdkBundleFigures[] | undefined;
  if (sdk) {
    console.log('\nAWS SDK bundled vs external (runtime copy): bundle size and cold import (median)\n');
    console.table(
      Object.fromEntries(
        sdk.map((row) => [
          `${row.function}: ${row.variant}`,
          { bundle: `${row.bundleKiB} KiB`, import: ms(row.importMsMedian) },
        ]),
      ),
    );
  }
}
