// Bundle the ask and notify handlers the way cdk/constructs/app-function.ts does, once with the
// locked AWS SDK clients bundled and once with `@aws-sdk/*` external (the Lambda runtime's copy;
// here node_modules stands in for it), and time a cold import of each in a fresh Node process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { lambdaBuildOptions } from '../../cdk/lambda-bundling.ts';
import { repoRoot } from '../../cdk/paths.ts';

export interface SdkBundleFigures {
  function: string;
  variant: 'sdk bundled' | 'sdk external';
  bundleKiB: number;
  /** Median wall time of `import()` of the bundle in a fresh process (module load + init code). */
  importMsMedian: number;
}

const runs = 7;
const entries = { ask: 'functions/ask/handler.ts', notify: 'functions/notify/handler.ts' };
// Only what the handlers check at cold start; no AWS call is made by importing them.
const env = {
  ...process.env,
  AWS_REGION: 'eu-central-1',
  KNOWLEDGE_TABLE: 'k',
  TICKETS_TABLE: 't',
  ANALYTICS_TABLE: 'a',
  INBOX_URL: 'https://example.invalid/inbox',
  MAIL_TRANSPORT: 'ses',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchSdkBundling(): Promise<SdkBundleFigures[]> {
  // Inside the repository, so the external variant resolves @aws-sdk from node_modules.
  const dir = path.join(repoRoot, 'node_modules', '.cache', 'sdk-bundle-bench');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  const figures: SdkBundleFigures[] = [];
  try {
    for (const [name, entry] of Object.entries(entries)) {
      for (const variant of ['sdk bundled', 'sdk external'] as const) {
        const outfile = path.join(dir, `${name}-${variant.replace(' ', '-')}.mjs`);
        await build(
          lambdaBuildOptions({
            entryPoints: [path.join(repoRoot, entry)],
            outfile,
            external: variant === 'sdk external' ? ['@aws-sdk/*'] : [],
          }),
        );
        const times: number[] = [];
        for (let run = 0; run < runs; run += 1) {
          const script = `const t = performance.now(); await import(${JSON.stringify(outfile)}); console.log(performance.now() - t);`;
          const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
            env,
            encoding: 'utf8',
          });
          times.push(Number(out.trim().split('\n').pop()));
        }
        figures.push({
          function: name,
          variant,
          bundleKiB: Math.round(statSync(outfile).size / 1024),
          importMsMedian: Math.round(median(times) * 10) / 10,
        });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
