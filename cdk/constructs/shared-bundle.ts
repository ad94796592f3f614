import { createHash } from 'node:crypto';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { buildSync } from 'esbuild';
import { functionDefinitions } from '../../functions/lib/definitions/routes.ts';
import { lambdaBuildOptions } from '../lambda-bundling.ts';
import { repoRoot } from '../paths.ts';
import { temporaryFolder } from '../temporary-folder.ts';

/**
 * Every function's bundle from one esbuild call. NodejsFunction runs esbuild once per function,
 * and each run parses and minifies the AWS SDK again (the SDK is bundled: about 2 CPU-seconds a
 * function, 13 functions); one call with many entry points parses each module once. The bundles
 * are the same as NodejsFunction's: ESM, minified, source maps, nothing external, the banner.
 * Bundling still goes through the CDK's asset staging (`local` bundling), so
 * `aws:cdk:bundling-stacks` skips it as before and the asset hash is the output's.
 */
export interface BundleOptions {
  target: string;
  banner: string;
  /**
   * esbuild `define` replacements, made only when the bundle is built (a synth that skips
   * bundling, as most tests do, never pays for them: the knowledge snapshot's Brotli encoding
   * took about 0.6 s of CPU). `key` identifies them: functions with different defines are built
   * apart.
   */
  define?: { key: string; values: () => Record<string, string> };
}

/** One esbuild call's worth of bundles (same options), keyed by entry (relative to the repository). */
class BundleGroup {
  private readonly built = new Map<string, string>();
  private readonly wanted: Set<string>;

  constructor(private readonly options: BundleOptions) {
    // The deployed functions share their options: the first one asked for builds them all. A
    // function with its own `define` (the knowledge seed) is built on its own.
    this.wanted = new Set(
      options.define ? [] : Object.values(functionDefinitions).map((definition) => definition.entry),
    );
  }

  /** The folder holding `index.mjs` and its map for `entry`, building the group when needed. */
  folderOf(entry: string): string {
    const found = this.built.get(entry);
    if (found) return found;
    this.wanted.add(entry);
    const missing = [...this.wanted].filter((name) => !this.built.has(name));
    const outdir = temporaryFolder('faq-bundles-');
    const entryPoints = Object.fromEntries(
      missing.map((name, index) => [path.join(String(index), 'index'), path.join(repoRoot, name)]),
    );
    buildSync(
      lambdaBuildOptions({
        entryPoints,
        outdir,
        outExtension: { '.js': '.mjs' },
        absWorkingDir: repoRoot,
        target: this.options.target,
        sourcemap: true,
        banner: { js: this.options.banner },
        logLevel: 'error',
        ...(this.options.define ? { define: this.options.define.values() } : {}),
      }),
    );
    for (const [index, name] of missing.entries()) this.built.set(name, path.join(outdir, String(index)));
    return this.built.get(entry) as string;
  }
}

const groups = new Map<string, BundleGroup>();
/** The Lambda code of `entry` (a path relative to the repository), bundled with its group. */
export function sharedBundle(entry: string, options: BundleOptions): lambda.Code {
  const key = createHash('sha256').update(JSON.stringify(options)).digest('hex');
  let group = groups.get(key);
  if (!group) {
    group = new BundleGroup(options);
    groups.set(key, group);
  }
  const bundles = group;
  return lambda.Code.fromAsset(repoRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never used: local bundling always succeeds (esbuild is a dependency of this project).
      image: DockerImage.fromRegistry('dummy'),
      // Part of the CDK's cache key for assets of the same source folder: one asset per entry
      // and options, never another function's bundle.
      command: ['esbuild', entry, key],
      local: {
        tryBundle(outputDir) {
          cpSync(bundles.folderOf(entry), outputDir, { recursive: true });
          return true;
        },
      },
    },
  });
}
