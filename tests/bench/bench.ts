// `npm run bench [-- --json] [-- --only matcher|anonymise|functions|sdk|unanswered]`: figures and ratios against baselines
// measured in the same run. Reported, never asserted in tests.
import { parseArgs } from 'node:util';
import { splitOf } from '../../functions/lib/knowledge/evaluate.ts';
import { loadKnowledgeDir, readEvalFile } from '../../functions/lib/knowledge/files.ts';
import { benchMatcher } from './matcher-bench.ts';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, only: { type: 'string' } },
});

const report = await loadKnowledgeDir();
if (!report.settings) throw new Error('knowledge/settings.yaml is invalid');
const results: Record<string, unknown> = {};

if (!values.only || values.only === 'matcher') {
  const dev = await readEvalFile('knowledge/eval/dev.jsonl');
  const corpus = await readEvalFile('knowledge/eval/corpus.jsonl');
  results.matcher = benchMatcher(report.entries, report.settings, {
    dev,
    tuning: corpus.filter((testCase) => splitOf(testCase.question) === 'tuning'),
    heldBack: corpus.filter((testCase) => splitOf(testCase.question) === 'held-back'),
  });
}
if (!values.only || values.only === 'anonymise') {
  const { benchAnonymise } = await import('./anonymise-bench.ts');
  results.anonymise = benchAnonymise();
}
if (!values.only || values.only === 'functions') {
  const { benchFunctions } = await import('./functions-bench.ts');
  results.functions = await benchFunctions();
}
if (!values.only || values.only === 'sdk') {
  const { benchSdkBundling } = await import('./sdk-bundle-bench.ts');
  results.sdkBundling = await benchSdkBundling();
}

if (!values.only || values.only === 'unanswered') {
  const { benchUnanswered } = await import('./unanswered-bench.ts');
  results.unanswered = await benchUnanswered();
}

if (values.json) {
  console.log(JSON.stringify(results));
} else {
  const { printReport } = await import('./print.ts');
  printReport(results);
}
