// `npm run kb -- <command>`: validate, import and evaluate the knowledge base.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { evalCasesFor, exportKnowledge } from '../lib/editing/files.ts';
import { type EvalFigures, type EvalReport, evaluate, splitOf } from '../lib/knowledge/evaluate.ts';
import {
  knowledgeDirFromEnv,
  loadKnowledgeDir,
  readEvalFile,
  readKnowledgeFiles,
} from '../lib/knowledge/files.ts';
import { isCorpusFile, learnCounts } from '../lib/knowledge/learn.ts';
import type { Entry, Settings } from '../lib/knowledge/schema.ts';
import { importKnowledge, loadPublished, readEvalCases } from '../lib/knowledge/store.ts';
import { learnedFile, type ValidationReport, validateKnowledgeBase } from '../lib/knowledge/validate.ts';
import { learnedJson } from '../lib/matcher/learned.ts';
import { createMatcher } from '../lib/matcher/matcher.ts';
import { connectLocalDatabase } from '../local/connect.ts';
import { initKnowledgeDir } from './init.ts';

const usage = `Usage: npm run kb -- <command>     (DIR: --dir, else KNOWLEDGE_DIR, else knowledge/)
  init --dir DIR                       a knowledge base for another town and incident from the
                                       template (docs/own-incident.md); DIR must be new or empty
  validate [--dir DIR]                 check every file; exit 1 on problems
  learn [--dir DIR]                    count the tuning parts of DIR/eval/corpus*.jsonl into
                                       DIR/learned.json (the matcher's second opinion)
  import [--dir DIR]                   validate, then publish the files into the local table
  export [--dir DIR]                   write the local table's published knowledge base to files
  eval FILE [--json] [--published]     accuracy and false-answer rate of FILE (JSONL), per
                                       locale and category (knowledge/ by default;
                                       --published: the local table)
       [--split tuning|held-back]      only one part of the fixed hash split (docs/matching.md)
       [--detect-language]             ignore the lines' locale: the matcher detects it
       [--show-held-back]              also list failing questions of the held-back part
                                       (hidden by default: only its figures are shown)`;

function printProblems(report: ValidationReport): void {
  for (const problem of report.problems)
    console.error(`${problem.file}  ${problem.field}: ${problem.message}`);
  for (const warning of report.warnings ?? [])
    console.error(`warning: ${warning.file}  ${warning.field}: ${warning.message}`);
}

async function loadValid(dir: string): Promise<{ entries: Entry[]; settings: Settings }> {
  return validOrExit(await loadKnowledgeDir(dir));
}

function validOrExit(report: ValidationReport): { entries: Entry[]; settings: Settings } {
  if (report.problems.length > 0 || !report.settings) {
    printProblems(report);
    console.error(`${report.problems.length} problem(s) found; nothing was changed.`);
    process.exit(1);
  }
  return { entries: report.entries, settings: report.settings };
}

const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

/** One row of figures: the in-scope rates, then the out-of-scope ones. */
function row(figures: EvalFigures): Record<string, string> {
  const { inScope, outOfScope } = figures;
  return {
    'in scope': String(inScope.total),
    answered: inScope.total ? pct(inScope.accuracy) : '',
    'answer/1st': inScope.total ? pct(inScope.firstRate) : '',
    'top 3': inScope.total ? pct(inScope.top3Rate) : '',
    'out of scope': String(outOfScope.total),
    'false answers': outOfScope.total ? pct(outOfScope.falseAnswerRate) : '',
    none: outOfScope.total ? pct(outOfScope.noneRate) : '',
  };
}

/**
 * The held-back part of the hash split is for reporting, never for tuning: its failing questions
 * are left out of the output (text and JSON) unless asked for, so nobody reads and fixes them
 * by accident. Its figures stay in every total. Applies to every file, since the split does.
 */
function withoutHeldBack(report: EvalReport, show: boolean): EvalReport & { hiddenFailures: number } {
  if (show) return { ...report, hiddenFailures: 0 };
  const failures = report.failures.filter((failure) => splitOf(failure.question) !== 'held-back');
  return { ...report, failures, hiddenFailures: report.failures.length - failures.length };
}

function printEval(report: EvalReport & { hiddenFailures: number }): void {
  console.log(`questions:          ${report.total}`);
  console.log(
    `in scope:           ${report.inScope.correct}/${report.inScope.total} correct, accuracy ${pct(report.inScope.accuracy)}, answer or 1st suggestion ${pct(report.inScope.firstRate)}, top 3 ${pct(report.inScope.top3Rate)}`,
  );
  console.log(
    `out of scope:       ${report.outOfScope.falseAnswers}/${report.outOfScope.total} answered, false-answer rate ${pct(report.outOfScope.falseAnswerRate)}, none ${pct(report.outOfScope.noneRate)}`,
  );
  const groups = { ...prefixed('locale', report.byLocale), ...prefixed('category', report.byCategory) };
  if (Object.keys(groups).length > 0)
    console.table(Object.fromEntries(Object.entries(groups).map(([name, figures]) => [name, row(figures)])));
  if (report.confusions.length > 0) {
    console.log('most frequent failures (expected -> got):');
    for (const pair of report.confusions) {
      const suggested = pair.got !== null && !pair.answered ? ' (only suggested)' : '';
      console.log(
        `  ${pair.count}× ${pair.expected ?? '(out of scope)'} -> ${pair.got ?? '(none)'}${suggested}`,
      );
    }
  }
  for (const failure of report.failures) {
    console.log(
      `  ✗ ${JSON.stringify(failure.question)} expected ${failure.expected ?? '(none)'}, got ${failure.got ?? '(none)'} [${failure.status} ${failure.confidence}]`,
    );
  }
  if (report.hiddenFailures > 0)
    console.log(
      `  (${report.hiddenFailures} failing question(s) of the held-back part not shown; --show-held-back lists them)`,
    );
}

/** corpus.jsonl, corpus-2.jsonl, …, corpus-10.jsonl: by number, not by letters. */
const byNumber = (a: string, b: string) =>
  (Number(/\d+/.exec(a)?.[0] ?? 1) || 1) - (Number(/\d+/.exec(b)?.[0] ?? 1) || 1);

function prefixed(prefix: string, groups: Record<string, EvalFigures>): Record<string, EvalFigures> {
  return Object.fromEntries(Object.entries(groups).map(([name, figures]) => [`${prefix} ${name}`, figures]));
}

/** Runs one command (`args` as after `npm run kb --`); exported so tests can run it in-process. */
export async function main(args: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      dir: { type: 'string' },
      json: { type: 'boolean', default: false },
      published: { type: 'boolean', default: false },
      split: { type: 'string' },
      'detect-language': { type: 'boolean', default: false },
      'show-held-back': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, file] = positionals;
  const dir = values.dir ? path.resolve(values.dir) : knowledgeDirFromEnv();

  switch (command) {
    case 'init': {
      // Never into the shipped knowledge/ by accident: the folder is always named.
      if (!values.dir) throw new Error('init needs --dir DIR (a new or empty folder)');
      console.log(await initKnowledgeDir(dir));
      return;
    }
    case 'validate': {
      const report = await loadKnowledgeDir(dir);
      printProblems(report);
      if (report.problems.length > 0) {
        console.error(`${report.problems.length} problem(s) found.`);
        process.exit(1);
      }
      console.log(`OK: ${report.entries.length} entries and settings are valid.`);
      return;
    }
    case 'import': {
      const { entries, settings } = await loadValid(dir);
      const evalCases = await evalCasesFor(dir, settings);
      const disconnect = await connectLocalDatabase();
      const meta = await importKnowledge(entries, settings, 'files', evalCases);
      await disconnect();
      console.log(`Imported ${entries.length} entries as version ${meta.version}.`);
      return;
    }
    case 'export': {
      const disconnect = await connectLocalDatabase();
      const snapshot = await loadPublished();
      const evalCases = await readEvalCases();
      await disconnect();
      if (!snapshot)
        throw new Error('The local table has no published knowledge base (run npm start or kb import).');
      const result = await exportKnowledge(dir, snapshot.entries, snapshot.settings, evalCases);
      console.log(
        `Exported version ${snapshot.version} to ${dir}: ${result.written} file(s) written, ${result.unchanged} unchanged, ${result.removed} removed.`,
      );
      return;
    }
    case 'learn': {
      // Without the old counts: they are what is made anew, and may be outdated or broken.
      const files = (await readKnowledgeFiles(dir)).filter((source) => source.file !== learnedFile);
      const { entries, settings } = validOrExit(validateKnowledgeBase(files));
      const evalDir = path.join(dir, 'eval');
      const names = (await readdir(evalDir)).filter(isCorpusFile).sort(byNumber);
      const corpora = await Promise.all(
        names.map(async (name) => ({
          file: `eval/${name}`,
          cases: await readEvalFile(path.join(evalDir, name)),
        })),
      );
      const counts = learnCounts(entries, settings, corpora);
      await writeFile(path.join(dir, learnedFile), learnedJson(counts));
      console.log(
        `Counted ${counts.trainedOn.questions} questions of the tuning parts of ${names.length} corpora into ${learnedFile}.`,
      );
      return;
    }
    case 'eval': {
      if (!file) throw new Error('eval needs a JSONL file');
      const split = values.split;
      if (split !== undefined && split !== 'tuning' && split !== 'held-back')
        throw new Error('--split must be "tuning" or "held-back"');
      const cases = (await readEvalFile(path.resolve(file))).filter(
        (testCase) => split === undefined || splitOf(testCase.question) === split,
      );
      let source: { entries: readonly Entry[]; settings: Settings };
      if (values.published) {
        const disconnect = await connectLocalDatabase();
        const snapshot = await loadPublished();
        await disconnect();
        if (!snapshot)
          throw new Error('The local table has no published knowledge base (run npm start or kb import).');
        source = snapshot;
      } else {
        source = await loadValid(dir);
      }
      const report = withoutHeldBack(
        evaluate(createMatcher(source.entries, source.settings), cases, {
          passLocale: !values['detect-language'],
        }),
        values['show-held-back'],
      );
      if (values.json) console.log(JSON.stringify(report));
      else printEval(report);
      return;
    }
    default:
      console.log(usage);
      if (!values.help) process.exit(command ? 1 : 0);
  }
}

// Only as a script (`npm run kb`): a test that imports `main` runs it itself.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
