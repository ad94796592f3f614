import type { BuildOptions } from 'esbuild';

// How every Lambda function is bundled, defined once without importing aws-cdk-lib: the stack's
// AppFunction uses it, and so do the bundle-size test and the benches (loading aws-cdk-lib alone
// takes seconds, too slow for a test that should bundle in well under a second).

/** ESM bundles may still contain CommonJS dependencies that call `require`. */
export const esmRequireBanner =
  // Names no bundled module would use: the banner is text esbuild does not see, so a module's own
  // top-level `createRequire` import would otherwise be declared twice (a SyntaxError at load).
  "import { createRequire as __bannerCreateRequire } from 'module'; const require = __bannerCreateRequire(import.meta.url);";

/** The esbuild target matching the functions' runtime (`lambdaRuntime` in app-function.ts). */
export const lambdaNodeTarget = 'node24';

/** The bundling choices of AppFunction (besides `externalModules` and `define`). */
export const lambdaBundling = {
  format: 'esm',
  target: lambdaNodeTarget,
  mainFields: ['module', 'main'],
  banner: esmRequireBanner,
  minify: true,
  // Umlauts and the other non-ASCII letters of the word lists and rules as UTF-8 (2 bytes)
  // instead of esbuild's default \uXXXX escapes (6 bytes): 0.3 KB of the ask bundle.
  charset: 'utf8',
  // esbuild 0.28's table does not list Node for Unicode property escapes (`\p{L}`, in Node since
  // version 10), so for `node24` it rewrote every such literal as `new RegExp("…")` with doubled
  // backslashes: 0.6 KB of the ask bundle (1 Dec 2026).
  supported: { 'regexp-unicode-property-escapes': true },
} as const;

/** The same bundle as plain esbuild options, for code that bundles a function itself. */
export function lambdaBuildOptions(options: BuildOptions = {}): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format: lambdaBundling.format,
    target: lambdaBundling.target,
    mainFields: [...lambdaBundling.mainFields],
    banner: { js: lambdaBundling.banner },
    minify: lambdaBundling.minify,
    charset: lambdaBundling.charset,
    supported: { ...lambdaBundling.supported },
    logLevel: 'silent',
    ...options,
  };
}
