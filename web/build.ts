// Builds the web assets into dist/web: every web/<area>/main.ts becomes /<area>.js, and
// everything in web/public/ is copied as is. `npm run build:web` prints the widget's size.
import { cp, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const webRoot = fileURLToPath(new URL('./', import.meta.url));
export const distDir = fileURLToPath(new URL('../dist/web/', import.meta.url));

async function entryPoints(): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const name of await readdir(webRoot)) {
    const main = path.join(webRoot, name, 'main.ts');
    if (
      await stat(main)
        .then((info) => info.isFile())
        .catch(() => false)
    )
      entries[name] = main;
  }
  return entries;
}

/** Builds all web assets; returns the gzipped size of each bundle in bytes. */
export async function buildWeb(outDir = distDir): Promise<Record<string, { raw: number; gzip: number }>> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await cp(path.join(webRoot, 'public'), outDir, { recursive: true }).catch(() => undefined);
  const entries = await entryPoints();
  await build({
    entryPoints: entries,
    outdir: outDir,
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    legalComments: 'none',
    logLevel: 'silent',
  });
  const sizes: Record<string, { raw: number; gzip: number }> = {};
  for (const name of Object.keys(entries)) {
    const code = await readFile(path.join(outDir, `${name}.js`));
    sizes[name] = { raw: code.length, gzip: gzipSync(code, { level: 9 }).length };
  }
  return sizes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const sizes = await buildWeb();
  for (const [name, size] of Object.entries(sizes)) {
    console.log(
      `${name}.js  ${(size.raw / 1024).toFixed(1)} KB raw, ${(size.gzip / 1024).toFixed(1)} KB gzipped`,
    );
  }
}
