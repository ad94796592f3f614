import { createHash } from 'node:crypto';
import { defaultKnowledgeDir, loadKnowledgeDir } from '../functions/lib/knowledge/files.ts';
import { encodeSnapshot, type SeedSnapshot } from '../functions/seed-knowledge/snapshot.ts';

/** esbuild receives `define` values as one command-line argument; stay well below Linux's 128 KiB. */
const maxDefineBytes = 100_000;

export interface PackedKnowledge {
  /** The esbuild `define` value: a JS string literal holding the encoded snapshot. */
  define: string;
  /** sha256 of the snapshot JSON: changes whenever entries or settings change. */
  sha256: string;
  entryCount: number;
}

/**
 * Loads and validates the default knowledge base at synth time. Any problem fails the synth, so
 * a broken knowledge folder can never be deployed.
 */
export async function loadKnowledgeSnapshot(dir = defaultKnowledgeDir): Promise<PackedKnowledge> {
  const report = await loadKnowledgeDir(dir);
  if (report.problems.length > 0 || !report.settings) {
    const lines = report.problems.map(
      (problem) => `  - ${problem.file} ${problem.field}: ${problem.message}`,
    );
    throw new Error(
      `The knowledge base in ${dir} is invalid (run \`npm run kb -- validate\`):\n${lines.join('\n') || '  - settings.yaml is missing'}`,
    );
  }
  const snapshot: SeedSnapshot = { entries: report.entries, settings: report.settings };
  const define = JSON.stringify(encodeSnapshot(snapshot));
  if (define.length > maxDefineBytes) {
    throw new Error(
      `The encoded knowledge snapshot is ${define.length} bytes; the seed bundle accepts at most ${maxDefineBytes}`,
    );
  }
  return {
    define,
    sha256: createHash('sha256').update(JSON.stringify(snapshot)).digest('hex'),
    entryCount: report.entries.length,
  };
}
