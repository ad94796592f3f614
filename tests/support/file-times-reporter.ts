import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints how long each test file took, slowest first: import (collect) plus every test and hook,
 * which vitest's JSON reporter leaves out (its file times start with the first test, so a
 * `beforeAll` that synthesises a stack or starts a browser does not show). Use it to find the
 * files that hold `npm test` back (docs/testing.md):
 *
 *   npx vitest run --reporter=dot --reporter=./tests/support/file-times-reporter.ts
 *
 * `FILE_TIMES_JSON=/tmp/times.json` also writes the figures as JSON, for before/after tables.
 */
export default class FileTimesReporter implements Reporter {
  private readonly rows: { file: string; seconds: number; tests: number }[] = [];

  onTestModuleEnd(module: TestModule): void {
    const diagnostic = module.diagnostic();
    this.rows.push({
      file: path.relative(path.join(process.cwd(), 'tests'), module.moduleId),
      seconds: (diagnostic.collectDuration + diagnostic.duration) / 1000,
      tests: [...module.children.allTests()].length,
    });
  }

  onTestRunEnd(): void {
    const rows = [...this.rows].sort((a, b) => b.seconds - a.seconds);
    const total = rows.reduce((sum, row) => sum + row.seconds, 0);
    const lines = rows.map((row) => `${row.seconds.toFixed(1).padStart(6)} s  ${row.file} (${row.tests})`);
    console.log(`\nper file (import + tests + hooks), sum ${total.toFixed(0)} s:\n${lines.join('\n')}`);
    const out = process.env.FILE_TIMES_JSON;
    if (out) writeFileSync(out, JSON.stringify({ total, rows }, null, 2));
  }
}
