// The ask function's bundle, built as the stack builds it (cdk/lambda-bundling.ts) with the AWS
// SDK external: the goal of issue 10 is its own code below 150 KB raw. Size, not time, so it is
// a stable assertion; esbuild takes well under a second for it.
import path from 'node:path';
import { analyzeMetafile, build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { lambdaBuildOptions } from '../../cdk/lambda-bundling.ts';
import { functionDefinitions } from '../../functions/lib/definitions/routes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const budgetKb = 150;

let rawKb: number;
let metafile: Metafile;
let inputs: string[];

beforeAll(async () => {
  const result = await build(
    lambdaBuildOptions({
      entryPoints: [path.join(root, functionDefinitions.ask.entry)],
      outfile: path.join(root, '.local', 'ask.mjs'),
      external: ['@aws-sdk/*'],
      absWorkingDir: root,
      write: false,
      metafile: true,
    }),
  );
  rawKb = (result.outputFiles?.[0]?.contents.length ?? Number.NaN) / 1024;
  metafile = result.metafile as Metafile;
  inputs = Object.keys(metafile.inputs);
});

describe('the ask function bundle', () => {
  it(`when bundled as the stack does (SDK aside) › stays below ${budgetKb} KB raw`, async () => {
    // On failure the message lists the largest inputs: what grew, and through which import.
    expect(rawKb, await analyzeMetafile(metafile)).toBeLessThan(budgetKb);
    expect(rawKb).toBeGreaterThan(20); // a bundle that lost its code would pass the budget too
  });

  it.each([
    ['the X-Ray SDK (Lambda active tracing records ask without it)', 'node_modules/aws-xray-sdk-core/'],
    ['the Powertools tracer', 'node_modules/@aws-lambda-powertools/tracer/'],
    ['mail composition', 'node_modules/nodemailer/'],
    ['the forwarding challenge', 'node_modules/altcha-lib/'],
    ['YAML parsing (settings arrive as published JSON)', 'node_modules/yaml/'],
    ['classic zod (ask validates with zod/mini)', 'node_modules/zod/v4/classic/'],
    ['editing code', 'functions/lib/editing/'],
    ['escalation code', 'functions/lib/escalations/'],
    ['mail adapter', 'functions/lib/adapters/mail.ts'],
    ['CDK code', 'cdk/'],
  ])('when bundled › leaves out %s', (_what, prefix) => {
    expect(inputs.filter((input) => input.startsWith(prefix))).toEqual([]);
  });

  it('when bundled › still holds what it runs: matcher, knowledge cache and unanswered recorder', () => {
    for (const module of [
      'functions/lib/matcher/matcher.ts',
      'functions/lib/knowledge/cache.ts',
      'functions/lib/unanswered/report.ts',
    ])
      expect(inputs, module).toContain(module);
  });
});
